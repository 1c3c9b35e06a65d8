"""The receiving desk's storage: one ``.dqsd`` file and the packets folder beside it.

Import :class:`~dqsa.store.desk.service.DeskStore` from :mod:`dqsa.store.desk.service`
and the data classes from :mod:`dqsa.store.desk.records` (this package's ``__init__``
stays light: the window's start-up does not pay for SQLAlchemy until a desk is opened).
"""
