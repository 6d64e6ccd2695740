"""The results inbox tab: reports to sign off, a review panel beside them (issue 18)."""
