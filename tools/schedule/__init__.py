"""The schedule optimizer (OR-Tools CP-SAT), its baseline and the day-out-of-days."""
