"""HTML views of extractions: a text with its records marked, for notebooks and ``govmetrics show``.

The layer beside the exporters: views read extractions, records and pages, and nothing below them
imports them (``Extraction._repr_html_`` imports :mod:`govmetrics.views.highlight` when called).

* :mod:`govmetrics.views.values`: a record's meaning as one line of text (its hover text);
* :mod:`govmetrics.views.marks`: a text with ``<mark>`` elements, nested however spans overlap;
* :mod:`govmetrics.views.highlight`: one extraction as a fragment (legend, marked text, tables);
* :mod:`govmetrics.views.report`: a text, a page or a corpus as one self-contained HTML file;
* :mod:`govmetrics.views.show`: the ``govmetrics show`` command's run.
"""
