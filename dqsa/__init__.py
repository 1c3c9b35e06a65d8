"""dqsa: the party-mass service center self-assessment desk."""

__version__ = "0.1.0"
