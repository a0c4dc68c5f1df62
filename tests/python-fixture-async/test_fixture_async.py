"""crates/fixture-async through its UniFFI-generated Python (generated/fixture-async/python),
loaded beside the host cdylib: the cases tests/js/fixture-async/async-checks.mjs runs in
Node, workerd and Chromium, in asyncio."""

import asyncio

import pytest

import fixture_async as fa


def run(coro):
    return asyncio.run(coro)


class PyStore(fa.Store):
    """A Store implemented in Python, over a dict."""

    def __init__(self, entries=None):
        self.map = dict(entries or {})
        self.calls = []

    def get(self, key):
        self.calls.append(f"get {key}")
        return self.map.get(key)

    def put(self, key, value):
        self.calls.append(f"put {key}")
        self.map[key] = value

    async def fetch(self, key):
        self.calls.append(f"fetch {key}")
        await asyncio.sleep(0)
        if key not in self.map:
            raise fa.FixtureError.NotFound(key=key)
        return self.map[key]

    async def size(self):
        return len(self.map)


def test_async_functions_return_each_kind_of_value():
    async def main():
        assert await fa.async_double(21) == 42
        assert await fa.async_next_u64(2**64 - 1) == 0
        assert await fa.async_reverse("héllo") == "olléh"
        assert await fa.echo_after("udl", 5) == "udl"
        assert await fa.async_point(1.5, -2) == fa.Point(x=1.5, y=-2)
        assert await fa.async_shape(2) == fa.Shape.CIRCLE(radius=2)
        assert await fa.async_shape(0) == fa.Shape.NOTHING()
        assert await fa.async_range(4) == [0, 1, 2, 3]
        assert await fa.async_lengths(["a", "bcd"]) == {"a": 1, "bcd": 3}
        assert await fa.async_upper("shout") == "SHOUT"
        assert await fa.async_upper(None) is None
        assert await fa.async_nothing() is None
        account = await fa.async_account("bo")
        assert isinstance(account, fa.Account) and account.owner() == "bo"
        assert await asyncio.gather(*(fa.async_double(i) for i in range(50))) == [i * 2 for i in range(50)]

    run(main())


def test_async_constructors_and_methods():
    async def main():
        account = await fa.Account.open("ada")
        assert account.owner() == "ada"
        assert await account.deposit(10) == 10
        assert await account.withdraw(4) == 6
        with pytest.raises(fa.FixtureError.BadInput) as e:
            await account.withdraw(100)
        assert e.value.reason == "balance 6 is less than 100"
        ticker = await fa.Ticker.starting_at(7)
        assert await ticker.tick() == 7
        assert await ticker.tick() == 8

    run(main())


def test_a_typed_error_is_raised_from_the_awaited_call():
    with pytest.raises(fa.FixtureError.BadInput) as e:
        run(fa.async_fail("no"))
    assert e.value.reason == "no"


def test_a_panic_in_a_future_raises_and_later_calls_work():
    with pytest.raises(fa.InternalError, match="boom"):
        run(fa.async_panic("boom"))
    assert run(fa.async_double(5)) == 10


def test_cancelling_the_task_cancels_a_future_that_never_ends():
    async def main():
        task = asyncio.ensure_future(fa.async_forever())
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await fa.async_double(2) == 4

    run(main())


def test_callback_interfaces_from_udl_and_proc_macros():
    class Lines(fa.Logger):
        def __init__(self):
            self.lines = []

        def log(self, line):
            self.lines.append(line)

    lines = Lines()
    assert fa.log_lines(lines, "line", 3) == 3
    assert lines.lines == ["line 0", "line 1", "line 2"]

    class Add(fa.Visitor):
        def visit(self, value):
            return value + 100

    class Triple(fa.Visitor):
        def visit(self, value):
            return fa.triple(value)  # back into Rust from inside a callback

    class Fails(fa.Visitor):
        def visit(self, value):
            if value == 2:
                raise fa.FixtureError.BadInput(reason="two")
            return value

    class Broken(fa.Visitor):
        def visit(self, value):
            raise ValueError("out of range")

    assert fa.visit_all([1, 2], Add()) == [101, 102]
    assert fa.visit_all([1, 2], Triple()) == [3, 6]
    with pytest.raises(fa.FixtureError.BadInput) as e:
        fa.visit_all([1, 2], Fails())
    assert e.value.reason == "two"
    with pytest.raises(fa.FixtureError.Unexpected) as e:
        fa.visit_all([1], Broken())
    assert "out of range" in e.value.message
    assert fa.triple(3) == 9


def test_a_foreign_trait_implemented_in_python():
    async def main():
        store = PyStore({"a": "1"})
        assert fa.store_get(store, "a") == "1"
        assert fa.store_get(store, "zz") is None
        fa.store_put(store, "b", "2")
        assert store.map["b"] == "2"
        assert await fa.store_fetch(store, "b") == "b=2"
        assert await fa.store_size(store) == 2
        with pytest.raises(fa.FixtureError.NotFound) as e:
            await fa.store_fetch(store, "missing")
        assert e.value.key == "missing"
        assert fa.same_store(store) is store

    run(main())


def test_a_trait_made_in_rust_and_a_rust_object_keeping_a_python_one():
    async def main():
        rust = fa.memory_store()
        assert isinstance(rust, fa.StoreImpl)
        rust.put("k", "v")
        assert rust.get("k") == "v"
        assert await rust.fetch("k") == "v"
        assert await fa.store_fetch(rust, "k") == "k=v"
        with pytest.raises(fa.FixtureError.BadInput):
            rust.put("", "x")
        store = PyStore({"x": "42"})
        cache = fa.Cache(store)
        assert cache.lookup("x") == "42"
        assert await cache.fetch("x") == "42"
        assert cache.store() is store
        assert store.calls == ["get x", "fetch x"]

    run(main())
