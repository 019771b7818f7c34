"""A framing verb's report ("launched strikes") tells the action its object names: it does not join another
outlet's report of another action that only names the same older happening in passing (#11)."""

from merge_fixtures import events_of

from timeline.build import build_timeline
from timeline.merge.features import features, started_object
from timeline.merge.scoring import _reaction
from timeline.types import Article, Published

DAY = "2031-04-17"  # a Thursday

STRIKES = (
    "A month after the ambush on its convoy at the Kell checkpoint, the Acme army on Thursday launched "
    "air raids on rebel bases in the hills of Ostria."
)
# the next day's paper: the suspects are named on Thursday; the ambush is only their backdrop
IDENTIFIED = (
    "The driver who fired at soldiers at the Kell checkpoint minutes before the ambush was named "
    "Thursday as one of two Ostrian suspects who had been detained, officials said Friday."
)


def _article(doc: str, text: str, published: str) -> Article:
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def test_strikes_launched_do_not_join_suspects_identified_the_same_day():
    articles = [_article("a", STRIKES, DAY), _article("b", IDENTIFIED, "2031-04-18")]
    events = events_of(articles)
    assert events["a"] and events["b"]
    assert not events["a"] & events["b"]


def _mention_features(text: str, published: str):
    (event,) = [e for e in build_timeline([_article("x", text, published)]).events]
    (mention,) = event.mentions
    return features(mention)


def test_the_object_of_a_framing_verb_is_the_action_it_reports():
    strikes = _mention_features(STRIKES, DAY)
    identified = _mention_features(IDENTIFIED, "2031-04-18")
    # launching strikes is another action than identifying suspects: the shared concept (the attack)
    # is only one report's circumstance
    assert _reaction(strikes, identified)
    # two reports of launching the same strikes are not a reaction to each other
    again = _mention_features("The Acme army launched air raids on rebel bases in Ostria on Thursday.", DAY)
    assert not _reaction(strikes, again)


def test_a_framing_verb_starts_only_the_noun_phrase_right_after_it():
    assert started_object("Acme forces launched air raids against the camps.", "launched") == {"attack"}
    assert started_object("Rebels launched their invasion of the north.", "launched") == {"invasion"}
    # a particle or preposition after the verb: what follows is no object it starts
    assert started_object("The singer has opened up for the first time since the assault.", "opened") == set()
    assert started_object("They started a petition after the bombing.", "started") == set()
