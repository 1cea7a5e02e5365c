"""Imports every command module so that each registers itself on the app."""

from plancompare.cli import calibrate_cmd, check_cmd, decide_cmd, diff_cmd, schema_cmd  # noqa: F401
from plancompare.cli.extract_cmd import extract as _extract  # noqa: F401
