"""Bringing in the lists a team already keeps in Excel (members, models, petitions).

Pure Python, no Qt. The steps, one module each:

- ``sources``: a file (``.xlsx``, ``.csv``; ``.xls`` is refused with the way out) read
  into a sheet of cell values; ``encodings`` decodes a CSV (UTF-8 with or without BOM,
  or Windows-1258) and finds text typed in the old TCVN3 or VNI encodings;
- ``layout``: which row holds the headings and which column is which field
  (``headings`` matches Vietnamese headings folded, ``targets`` lists what each kind of
  record takes);
- ``cells``: a cell's value as a field's value (dates typed, Excel serial numbers or
  real dates; choices by their Vietnamese label);
- ``plan``: every row checked with core's rules and matched by its natural key against
  the store (``matching``): what would be added, updated, left as it is, or not taken;
- ``write``: the confirmed plan written through the store's record writer in one
  transaction, with its outbox operations, or nothing with the reason.
"""
