"""What the client scripts (usage.py, mirror.py) share: each expectation printed as it is
checked, and a run that reports every failure and exits non-zero when there was one."""

import sys
from collections.abc import Callable

failures: list[str] = []


def expect(ok: bool, what: str) -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        failures.append(what)


def run(main: Callable[[], None], name: str, success: str) -> None:
    """Runs `main`; an exception is one more failure. Exits 1 when anything failed."""
    try:
        main()
    except Exception as err:  # every failure is reported; the exit code says that one happened
        failures.append(f"{type(err).__name__}: {err}")
        print(f"FAIL {failures[-1]}", file=sys.stderr)
    if failures:
        print(f"{name}: {len(failures)} failed: {'; '.join(failures)}", file=sys.stderr)
        sys.exit(1)
    print(f"{name}: {success}")
