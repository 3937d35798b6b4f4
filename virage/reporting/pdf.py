"""The quarterly funder report as PDF, drawn with fpdf2 (pure Python, no system library).

It shows the same sections and tables as the printable HTML page (`funder_report.html`),
formatted the same way (formatting.py). The built-in Helvetica font covers the Windows-1252
character set, which holds every French character (é, à, ç, œ, « », ’, –); anything else
is replaced by "?" rather than failing. The HTML page stays the accessible version."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.fonts import FontFace

from .formatting import format_value

ENCODING = "windows-1252"
REPLACEMENTS = {"\u202f": "\u00a0", "\u2212": "-", "\u2011": "-"}


def text(value) -> str:
    """Text the core font can draw (Windows-1252), unknown characters as "?"."""
    value = str(value)
    for old, new in REPLACEMENTS.items():
        value = value.replace(old, new)
    return value.encode(ENCODING, "replace").decode(ENCODING)


class _ReportPDF(FPDF):
    footer_text = ""

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, text(self.footer_text), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")


def render(document: dict) -> bytes:
    """`document`: {"title", "subtitle": [lines], "language", "intro": [paragraphs],
    "sections": [{"title", "paragraphs": [...], "tables": [Table]}], "footer"}."""
    pdf = _ReportPDF(orientation="portrait", unit="mm", format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.footer_text = document.get("footer", "")
    pdf.set_title(text(document["title"]))
    pdf.set_lang("fr-CA" if document.get("language", "fr") == "fr" else "en-CA")
    pdf.set_creator("Virage")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, text(document["title"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for line in document.get("subtitle", []):
        pdf.multi_cell(0, 5, text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for paragraph in document.get("intro", []):
        pdf.multi_cell(0, 5, text(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    for section in document["sections"]:
        _section(pdf, section)
    return bytes(pdf.output())


def _section(pdf: FPDF, section: dict) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", style="B", size=12)
    pdf.multi_cell(0, 6, text(section["title"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    for paragraph in section.get("paragraphs", []):
        pdf.multi_cell(0, 4.5, text(paragraph), new_x="LMARGIN", new_y="NEXT")
    for table in section.get("tables", []):
        _table(pdf, table)


def _widths(table) -> tuple[float, ...]:
    """Relative column widths from what each column holds: its longest formatted value and
    the longest word of its heading (so that numbers and words never break)."""
    widths = []
    for i, column in enumerate(table.columns):
        values = [row[i] for row in table.rows] + ([table.footer[i]] if table.footer else [])
        longest = max((len(format_value(v, column.kind)) for v in values), default=0)
        word = max((len(w) for w in str(column.label).split()), default=0)
        if column.numeric:
            widths.append(max(1.0, longest / 8, word / 6.5))
        else:
            widths.append(min(3.5, max(0.6, longest / 9, word / 6.5)))
    return tuple(widths)


def _table(pdf: FPDF, table) -> None:
    pdf.ln(1)
    pdf.set_font("Helvetica", style="B", size=10)
    pdf.multi_cell(0, 5, text(table.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8.5)
    align = tuple("RIGHT" if c.numeric else "LEFT" for c in table.columns)
    widths = _widths(table)
    with pdf.table(
        col_widths=widths,
        text_align=align,
        line_height=4.5,
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 239, 244)),
        padding=1,
    ) as grid:
        heading = grid.row()
        for column in table.columns:
            heading.cell(text(column.label))
        for values in table.rows:
            row = grid.row()
            for column, value in zip(table.columns, values, strict=True):
                row.cell(text(format_value(value, column.kind)))
        if table.footer is not None:
            row = grid.row()
            for column, value in zip(table.columns, table.footer, strict=True):
                row.cell(text(format_value(value, column.kind)))
    if table.note:
        pdf.set_font("Helvetica", style="I", size=8)
        pdf.multi_cell(0, 4, text(table.note), new_x="LMARGIN", new_y="NEXT")
