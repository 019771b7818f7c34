"""The merge index's buckets: each cluster id once, in filing order, whatever form a bucket takes."""

from timeline.merge.candidates import SMALL_BUCKET, _Buckets


def test_a_bucket_lists_each_id_once_in_filing_order() -> None:
    buckets = _Buckets()
    filed = [7, 3, 7, 9, 3, 1]
    for cluster_id in filed:
        buckets.add(("week", 5), "acme", cluster_id)
    assert list(buckets.get(("week", 5), "acme")) == [7, 3, 9, 1]
    assert list(buckets.get(("week", 5), "norland")) == []


def test_a_bucket_past_the_small_size_keeps_its_order() -> None:
    buckets = _Buckets()
    ids = list(range(SMALL_BUCKET + 5, 0, -1))  # more ids than a small bucket holds, in falling order
    for cluster_id in ids + ids[:3]:
        buckets.add_keys("wide", ["rahn", "port"], cluster_id)
    assert list(buckets.get("wide", "rahn")) == ids
    found: set[int] = set()
    buckets.gather(["wide", "other"], ["port", "absent"], found)
    assert found == set(ids)


def test_one_id_filed_twice_stays_one() -> None:
    buckets = _Buckets()
    buckets.add("wide", "rahn", 4)
    buckets.add("wide", "rahn", 4)
    assert list(buckets.get("wide", "rahn")) == [4]
