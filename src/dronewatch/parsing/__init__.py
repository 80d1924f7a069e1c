"""Pure text-to-report parsing: no I/O, no mutable global state."""

from dronewatch.parsing.engine import PARSER_VERSION, parse
from dronewatch.parsing.report import DAMAGE_TAGS, Evidence, RegionCount, Report, Window

__all__ = ["DAMAGE_TAGS", "PARSER_VERSION", "Evidence", "RegionCount", "Report", "Window", "parse"]
