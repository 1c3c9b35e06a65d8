"""The receiving desk's window (上级审核台账): a window of its own for a ``.dqsd`` file.

Why a window of its own and not a view inside the center's window: the reviewer at
a township or county does a different job with different words (接收、审核、汇总),
and a person who also keeps a center file can have both open side by side; each
window's menus hold only what that job needs, and its title names the file, as
Word or Excel do with two documents. The center's 文件 menu opens and creates desks;
the desk's 文件 menu opens either kind.

Rooms: :mod:`.window` (the window, its menus, opening and closing), :mod:`.overview`
(the year's table, filters, who is missing), :mod:`.dashboard` and :mod:`.charts`,
:mod:`.review` (one center's review), :mod:`.receiving` (drops, the worker, the
summary, a held identity), :mod:`.viewers` (the report, photos, last year),
:mod:`.outputs` (roll-up workbook and PDF, roster), :mod:`.opening` (which window
opens which file).
"""

DESK_SUFFIX = ".dqsd"
CENTER_SUFFIX = ".dqsa"
