"""plancompare: compare successive national action plans, measure by measure."""

__version__ = "0.1.0"
