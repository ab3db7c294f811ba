# SPDX-License-Identifier: MIT
# Sextant: demo Dagster definitions used by scripts/run, the end-to-end tests and anyone trying Sextant.
"""Four small jobs that exercise what an explorer needs to show.

* ``quick_job``      one op that logs and returns at once (launch -> SUCCESS in about a second).
* ``configured_job`` one op with a typed config schema; launching it without a valid
                     ``{"ops": {"greet": {"config": {"greeting": str, "repeat": int}}}}`` run config
                     yields ``RunConfigValidationInvalid``.
* ``failing_job``    one op that raises, so the run ends in FAILURE with a Python stack trace.
* ``slow_job``       one op that sleeps in 0.5 s steps for up to ten minutes, so it can be terminated.

Start it with ``dagster-webserver -f examples/dagster/definitions.py`` (see README.md next to this file).
"""

import time

import dagster as dg


@dg.op
def say_hello(context: dg.OpExecutionContext) -> str:
    context.log.info("hello from Sextant's quick_job")
    return "hello"


@dg.job(description="One op that logs a line and returns immediately.")
def quick_job():
    say_hello()


class GreetingConfig(dg.Config):
    """Both fields are required, so an empty or mistyped run config fails validation."""

    greeting: str
    repeat: int


@dg.op
def greet(context: dg.OpExecutionContext, config: GreetingConfig) -> str:
    message = " ".join([config.greeting] * max(config.repeat, 0))
    context.log.info(f"greeting: {message}")
    return message


@dg.job(description="One op with a typed config schema: greeting (String) and repeat (Int).")
def configured_job():
    greet()


class SextantDemoError(Exception):
    """Raised on purpose by failing_job."""


@dg.op
def explode(context: dg.OpExecutionContext) -> None:
    context.log.warning("about to fail on purpose")
    raise SextantDemoError("failing_job failed on purpose (Sextant demo)")


@dg.job(description="One op that raises, so the run ends in FAILURE.")
def failing_job():
    explode()


SLOW_STEP_SECONDS = 0.5
SLOW_MAX_SECONDS = 600


@dg.op
def wait_a_while(context: dg.OpExecutionContext) -> int:
    steps = int(SLOW_MAX_SECONDS / SLOW_STEP_SECONDS)
    for step in range(steps):
        if step % 20 == 0:
            context.log.info(f"slow_job still running ({step * SLOW_STEP_SECONDS:.0f} s)")
        time.sleep(SLOW_STEP_SECONDS)
    return steps


@dg.job(description="One op that sleeps in 0.5 s steps for up to ten minutes; terminate it.")
def slow_job():
    wait_a_while()


defs = dg.Definitions(jobs=[quick_job, configured_job, failing_job, slow_job])
