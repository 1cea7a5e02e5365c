"""Judging: verdicts and their reasons from the matches.

classify (thresholds → verdict), reasons (figure, modality, actor, scope), diff (`compare`: the
whole comparison), decisions (analysts' verdicts applied over the engine's), labels and calibrate
(gold labels, thresholds fit on them).
"""
