"""Điển hình & khen thưởng: exemplars, their proposals and the commendation decisions."""
