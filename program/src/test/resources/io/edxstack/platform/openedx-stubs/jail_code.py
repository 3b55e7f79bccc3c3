"""Stand-in for codejail.jail_code: Tutor's settings configure it away."""


def configure(*args, **kwargs):
    pass
