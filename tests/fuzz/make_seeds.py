#!/usr/bin/env python3
"""Writes the seed corpora of the libFuzzer targets into tests/fuzz/corpus/<target>/.

Seeds are small pieces of the sample archive (corpus/, each cut to at most 8 KB at a line or
character boundary) and hand-written edge cases. Run from anywhere:

    python3 tests/fuzz/make_seeds.py

It only writes the files it names (overwriting them), so regression seeds kept next to them
(crash-<target>-<hash>) survive. The refs corpus is hand-written and not touched here.
Needs only the Python standard library.
"""
import codecs
import io
import pathlib
import re
import zipfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus"
OUT = ROOT / "tests" / "fuzz" / "corpus"
MAX_SEED = 8 * 1024


def cut(data: bytes, limit: int = MAX_SEED) -> bytes:
    """At most `limit` bytes, ending at a line break when one is near, never inside a UTF-8
    sequence."""
    if len(data) <= limit:
        return data
    data = data[:limit]
    nl = data.rfind(b"\n")
    if nl > limit // 2:
        return data[: nl + 1]
    while data and (data[-1] & 0xC0) == 0x80:
        data = data[:-1]
    if data and data[-1] >= 0xC0:
        data = data[:-1]
    return data


def write(target: str, name: str, data) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) <= MAX_SEED, (target, name, len(data))
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def sample(rel: str) -> bytes:
    return (SAMPLES / rel).read_bytes()


SEED_PAGES = sorted((SAMPLES / "seeds").glob("*.txt"))
OFFICIAL_TXT = sorted((SAMPLES / "official").glob("*.txt"))
LEGACY = sorted((SAMPLES / "legacy").glob("*.txt"))

# ------------------------------------------------------------------------------------------------
# analyzer: any text.
# ------------------------------------------------------------------------------------------------


def analyzer_seeds():
    for p in SEED_PAGES[:3]:
        write("analyzer", "page_" + p.stem[:3] + ".txt", cut(p.read_bytes(), 2048))
    write("analyzer", "official_nq.txt", cut(sample("official/party-nq-901.txt"), 2048))
    cases = {
        "tones_old_new.txt": "Hoà hòa HÒA hoà thuỷ thủy khoẻ khỏe Quý quí kỹ kĩ lý lí Thuỵ Điển",
        "nfd.txt": "Nghi\u0323 quye\u0302\u0301t Đa\u0309ng Vie\u0302\u0323t Nam hoa\u0300",
        "mixed_tokens.txt": "qh14 h5n1 U23 21-NQ/TW 30/2020/NĐ-CP ① ²³ ٣٤ १२ Ⅻ ⅻ",
        "case_fold.txt": "Straße ß ẞ İstanbul ǅ ǈ ﬁ ﬀ ΣΑΣ ς ͅ ΐ ᾳ Ω",
        "marks_only.txt": "\u0301\u0323 a\u0301\u0301\u0301 \u0300x \u20dd \u0345",
        "ignorables.txt": "đả\u00adng Việt\u200bNam Hà\u200dNội Nh\ufeffà",
        "emoji.txt": "Xin chào 👋🏽 👨‍👩‍👧 🇻🇳 Việt",
        "no_marks.txt": "Nghi quyet Trung uong 4 khoa XII ve xay dung Dang",
        "upper.txt": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        "gi_qu.txt": "giữa gìn quả quốc gịa qụa GIẶT quýt khuya khuỷu",
    }
    for name, text in cases.items():
        write("analyzer", name, text)
    write("analyzer", "invalid_utf8.bin",
          b"Vi\xe1\xbb\x87t \xff\xfe N\xc3 am \xed\xa0\x80 \xc0\xaf \xf4\x90\x80\x80 \xe1\xbb")
    write("analyzer", "nul_controls.bin", b"ho\x00a \x01\x1f\x7f \xc2\x85 \xe2\x80\xa8 h\xc3\xb2a")
    write("analyzer", "empty.txt", b"")


# ------------------------------------------------------------------------------------------------
# encoding: first byte % 10 picks the mode (0 detect; 1..9 forced utf-8, utf-16le, utf-16be,
# windows-1258, tcvn3, vni, viscii, viqr, windows-1252); the rest is the input.
# ------------------------------------------------------------------------------------------------
DETECT, UTF8, UTF16LE, UTF16BE, CP1258, TCVN3, VNI, VISCII, VIQR, CP1252 = range(10)


def encoding_seeds():
    def enc(name, mode, data):
        write("encoding", name, bytes([mode]) + cut(data, MAX_SEED - 1))

    vn = "Nghị quyết của Ban Chấp hành Trung ương Đảng về tăng cường công tác xây dựng Đảng.\n"
    enc("detect_utf8.txt", DETECT, cut(SEED_PAGES[0].read_bytes(), 2048))
    enc("forced_utf8.txt", UTF8, vn.encode())
    enc("detect_utf8_bom.txt", DETECT, b"\xef\xbb\xbf" + vn.encode())
    enc("forced_utf8_bom_invalid.bin", UTF8, b"\xef\xbb\xbf" + vn.encode()[:40] + b"\xff\xc3(")
    enc("detect_utf16le_bom.txt", DETECT, codecs.BOM_UTF16_LE + vn.encode("utf-16-le"))
    enc("detect_utf16be_bom.txt", DETECT, codecs.BOM_UTF16_BE + vn.encode("utf-16-be"))
    enc("detect_utf16le.txt", DETECT, vn.encode("utf-16-le"))
    enc("forced_utf16be.txt", UTF16BE, vn.encode("utf-16-be") + b"\xd8\x00")  # lone surrogate
    enc("forced_utf16le_odd.bin", UTF16LE, vn.encode("utf-16-le")[:31])
    enc("detect_cp1258.txt", DETECT, vn.encode("cp1258", errors="replace"))
    enc("forced_cp1258.txt", CP1258, vn.encode("cp1258", errors="replace"))
    for p in LEGACY:
        raw = p.read_bytes()
        mode = TCVN3 if "tcvn3" in p.name else VNI
        enc("detect_" + p.name, DETECT, raw)
        enc("forced_" + p.name, mode, raw)
        # The same bytes read as Windows-1252 and saved as UTF-8: mojibake to repair.
        enc("mojibake_" + p.name, DETECT, raw.decode("cp1252", errors="replace").encode())
    enc("detect_double_utf8.txt", DETECT, vn.encode().decode("cp1252", errors="replace").encode())
    viqr = "Nghi. quye^'t cu?a Ban Cha^'p ha`nh Trung u+o+ng DDa?ng ve^` Vie^.t Nam\n"
    enc("detect_viqr.txt", DETECT, viqr.encode())
    enc("forced_viqr.txt", VIQR, viqr.encode())
    # VISCII "nước" (6E DF BE 63) is also valid UTF-8.
    enc("detect_viscii_nuoc.bin", DETECT, b"n\xdf\xbec ta l\xe0 m\xf4\xa3t")
    enc("forced_viscii.bin", VISCII, bytes(range(0x80, 0x100)))
    enc("forced_cp1252.bin", CP1252, bytes(range(0x80, 0x100)))
    enc("detect_binaryish.bin", DETECT, bytes(range(0, 256)))
    enc("empty_detect.bin", DETECT, b"")


# ------------------------------------------------------------------------------------------------
# query: what users type.
# ------------------------------------------------------------------------------------------------


def query_seeds():
    queries = {
        "words.txt": "phòng chống tham nhũng",
        "no_marks.txt": "phong chong tham nhung tieu cuc",
        "phrase.txt": '"xây dựng Đảng" chỉnh đốn',
        "curly_phrase.txt": "“văn hóa đọc” 901-NQ/TW",
        "unbalanced.txt": 'nghị quyết "trung ương 4',
        "ref_party.txt": "Nghị quyết 21-NQ/TW",
        "ref_spaced.txt": "nq 21/tw",
        "ref_state.txt": "Nghị định 30/2020/NĐ-CP về công tác văn thư",
        "ref_informal.txt": "Nghị quyết Trung ương 4 khóa XII",
        "ref_plenum_both.txt": "Trung ương 4 (khóa XI, XII)",
        "empty.txt": "",
        "spaces.txt": " \t\r\n",
        "punct.txt": '!!! ... --- """ ///',
        "many_words.txt": " ".join(["từ%d" % i for i in range(80)]),
        "nfd.txt": "nghi\u0323 quye\u0302\u0301t",
        "long_term.txt": "a" * 300 + " ngắn",
        "mixed.txt": "h5n1 U23 2022 qh14",
    }
    for name, q in queries.items():
        write("query", name, q)
    write("query", "invalid.bin", b'"ngh\xe1\xbb quy\xff" 21-NQ/\xc3')
    write("query", "too_long.txt", ("nghị quyết " * 400)[:4200])


# ------------------------------------------------------------------------------------------------
# html: pages.
# ------------------------------------------------------------------------------------------------


def html_seeds():
    write("html", "web_quan_triet.html", cut(sample("web/quan-triet-nghi-quyet-901.html")))
    write("html", "official_kl_909.html", cut(sample("official/party-kl-909.html")))
    cases = {
        "jsonld.html": '<html><head><script type="application/ld+json">{"@type":"NewsArticle",'
        '"headline":"Tin","datePublished":"2024-03-05T08:00:00+07:00"}</script>'
        '<meta name="description" content="  Mô   tả  "></head><body><h1>Tiêu đề</h1>'
        "<div itemprop=articleBody><p>Đoạn một.</p><p>Đoạn <b>hai</b>.</p></div></body></html>",
        "microdata.html": '<html xml:lang="vi"><body><div class="detail"><time itemprop="datePublished"'
        ' datetime="2020-08-14">14/08/2020</time><p>Nội dung</p></div><aside class="related">'
        "<li>Tin liên quan</li></aside><div id=comments>Bình luận</div></body></html>",
        "broken.html": "<p>Chưa đóng <div><span><font>chữ<li>một<li>hai<table><tr><td>ô 1<td>ô 2"
        "</tr><br><br/>dòng<pre>  giữ   nguyên  </pre><p>&amp; &lt; &#7879; &#x1EC7; &#0; &#xD800;"
        " &nbsp; &bogus; &#99999999;",
        "scripts.html": "<html><head><style>p{color:red}</style><script>var s='<p>không</p>';"
        "</script><noscript>tắt</noscript></head><body><nav>Trang chủ » Tin tức</nav>"
        "<header>Đầu</header><article><p>Bài viết.</p></article><footer>Chân</footer>"
        "<iframe src=x></iframe><svg><text>svg</text></svg></body></html>",
        "meta_dates.html": '<html lang="vi"><head><meta http-equiv="content-language" content="vi">'
        '<meta name="pubdate" content="20240101"><meta property="og:published_time" '
        'content="2023-01-01"><meta name="dc.date" content="1/2/2023"><meta property="og:title"'
        ' content="Tựa   og"><title>Tựa - Báo</title><meta charset="windows-1258"></head>'
        "<body><h1>H1</h1><p>x</p></body></html>",
        "nested.html": "<div>" * 300 + "sâu" + "</div>" * 300,
        "unclosed_font.html": "<font>" * 500 + "chữ",
        "xml_like.html": '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e "lặp">]><html><body>&e;'
        "<![CDATA[ dữ liệu ]]><!-- chú thích --></body></html>",
        "empty.html": "",
        "text_only.html": "chỉ có chữ, không có thẻ",
    }
    for name, text in cases.items():
        write("html", name, text)
    write("html", "invalid_bytes.html", b"<html><body><p>Vi\xe1\xbb t\xff\x00N\xc3am</p>\x00\x01"
          b"<p>\xef\xbf\xbe\xef\xbf\xbf</p></body></html>")


# ------------------------------------------------------------------------------------------------
# pdf: hand-built files (the sample without its 20 KB embedded font, plus minimal variants).
# ------------------------------------------------------------------------------------------------


def pdf_file(objects, root=1, info=None, xref=True, version=b"1.4", trailer_extra=b""):
    """A PDF with objects numbered 1..n (bytes bodies) and a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    start = out.tell()
    if xref:
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for off in offsets:
            out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R" % (len(objects) + 1, root))
    if info:
        out.write(b" /Info %d 0 R" % info)
    out.write(trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % start)
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"", flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_string_utf16(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def simple_pdf(pages_text, title=None, date=None, flate=False, version=b"1.4"):
    """Helvetica/WinAnsi pages: objects 1 catalog, 2 pages, 3 font, 4 info, then page+content."""
    n = len(pages_text)
    kids = b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(n))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    info = b"<<"
    if title is not None:
        info += b" /Title " + title
    if date is not None:
        info += b" /CreationDate " + date
    objs.append(info + b" >>")
    for i, text in enumerate(pages_text):
        lines = b"".join(b"(%s) Tj 0 -14 Td " % t for t in text)
        content = b"BT /F1 12 Tf 72 770 Td " + lines + b"ET"
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                    b"<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (6 + 2 * i))
        objs.append(stream(content, flate=flate))
    return pdf_file(objs, root=1, info=4, version=version)


def sample_pdf_without_font() -> bytes:
    """corpus/official/state-qd-9917-ttg.pdf rebuilt without its embedded DejaVu subset (the
    ToUnicode map stays, so poppler still extracts the Vietnamese text)."""
    data = sample("official/state-qd-9917-ttg.pdf")
    objs = {}
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        objs[int(m.group(1))] = m.group(2).strip()
    font_file = [k for k, v in objs.items() if b"/Length1" in v]
    for k in font_file:
        del objs[k]
    for k, v in objs.items():
        objs[k] = re.sub(rb"/FontFile2 \d+ 0 R", b"", v)
    # Renumber densely 1..n, rewriting references.
    order = sorted(objs)
    new = {old: i + 1 for i, old in enumerate(order)}
    ref = re.compile(rb"(\d+) 0 R")

    def renum(body: bytes) -> bytes:
        s = body.find(b"stream")
        head, tail = (body, b"") if s < 0 else (body[:s], body[s:])
        return ref.sub(lambda m: b"%d 0 R" % new.get(int(m.group(1)), 0), head) + tail

    bodies = [renum(objs[k]) for k in order]
    root = next(new[k] for k in order if b"/Catalog" in objs[k])
    info = next(new[k] for k in order if b"/CreationDate" in objs[k])
    return pdf_file(bodies, root=root, info=info, version=b"1.3")


def pdf_seeds():
    write("pdf", "sample_qd_9917_nofont.pdf", sample_pdf_without_font())
    write("pdf", "simple.pdf", simple_pdf([[b"QUYET DINH", b"So: 9917/QD-TTg", b"Ha Noi, ngay 5"]],
                                          title=pdf_string_utf16("Quyết định  "),
                                          date=b"(D:20240315103000+07'00')"))
    write("pdf", "two_pages_flate.pdf",
          simple_pdf([[b"Trang mot"], [b"Trang hai (\\(ngoac\\))"]], title=b"(Tieu de)",
                     date=b"(D:2024)", flate=True))
    write("pdf", "bad_date.pdf", simple_pdf([[b"x"]], date=b"(2024-03-15)"))
    good = simple_pdf([[b"Hong xref"]])
    # Wrong xref offsets and a wrong startxref: poppler rebuilds the table.
    broken = re.sub(rb"startxref\n\d+", b"startxref\n999999", good.replace(b"0000000", b"0000001"))
    write("pdf", "broken_xref.pdf", broken)
    write("pdf", "no_xref.pdf", good[: good.find(b"xref\n")] + b"%%EOF\n")
    write("pdf", "truncated.pdf", good[: len(good) // 2])
    write("pdf", "junk_before_header.pdf", b"junk\x00\xff\n" * 20 + good)
    write("pdf", "zero_pages.pdf", pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                                             b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    write("pdf", "page_loop.pdf", pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                                            b"<< /Type /Pages /Kids [2 0 R] /Count 3 >>"]))
    write("pdf", "not_pdf.txt", b"Hello, not a PDF %%EOF")


# ------------------------------------------------------------------------------------------------
# docx: the sample, stored (uncompressed) copies whose XML the fuzzer can see, and variants.
# ------------------------------------------------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
      'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
      'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
      'ContentType="application/xml"/></Types>')


def rels(target="word/document.xml"):
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="'
            + target + '"/></Relationships>')


def core(title="Quy định mẫu", created="2024-03-15T10:30:00Z"):
    return ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.'
            'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
            'elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>' + title +
            '</dc:title><dcterms:created>' + created + "</dcterms:created></cp:coreProperties>")


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="' + W +
            '" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>' +
            body + "</w:body></w:document>")


def docx(parts, compression=zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 15, 10, 30, 0))  # reproducible bytes
            info.compress_type = compression
            z.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)
    return buf.getvalue()


def docx_seeds():
    original = sample("official/party-qd-908.docx")
    write("docx", "sample_qd_908.docx", original)
    with zipfile.ZipFile(io.BytesIO(original)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    write("docx", "sample_qd_908_stored.docx", docx(parts))
    body = ('<w:p><w:r><w:t xml:space="preserve">ĐẢNG CỘNG SẢN VIỆT NAM </w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Số</w:t><w:tab/><w:t>908-QĐ/TW</w:t><w:br/><w:t>dòng</w:t><w:cr/>'
            '<w:noBreakHyphen/></w:r></w:p><w:p><w:ins><w:r><w:t>chèn</w:t></w:r></w:ins>'
            '<w:del><w:r><w:delText>xóa</w:delText></w:r></w:del></w:p>'
            '<mc:AlternateContent><mc:Choice Requires="x"><w:p><w:r><w:t>chọn</w:t></w:r></w:p>'
            '</mc:Choice><mc:Fallback><w:p><w:r><w:t>dự phòng</w:t></w:r></w:p></mc:Fallback>'
            '</mc:AlternateContent><w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc>'
            "</w:tr></w:tbl><w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>")
    base = {"[Content_Types].xml": CT, "_rels/.rels": rels(), "word/document.xml": document(body),
            "docProps/core.xml": core()}
    write("docx", "features_stored.docx", docx(base))
    write("docx", "features_deflated.docx", docx(base, zipfile.ZIP_DEFLATED))
    renamed = dict(base)
    renamed["_rels/.rels"] = rels("/word/main.xml")
    renamed["word/main.xml"] = renamed.pop("word/document.xml")
    write("docx", "main_part_renamed.docx", docx(renamed))
    no_core = {k: v for k, v in base.items() if k != "docProps/core.xml"}
    write("docx", "no_core.docx", docx(no_core))
    bad_core = dict(base, **{"docProps/core.xml": "<cp:coreProperties><dc:title>x"})
    write("docx", "bad_core.docx", docx(bad_core))
    dtd = dict(base, **{"word/document.xml": '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]>'
                        + document("<w:p><w:r><w:t>&a;</w:t></w:r></w:p>").split("?>", 1)[1]})
    write("docx", "doctype.docx", docx(dtd))
    write("docx", "no_main.docx", docx({"[Content_Types].xml": CT, "_rels/.rels": rels()}))
    write("docx", "bomb_like.docx",
          docx(dict(base, **{"word/document.xml": document("<w:p>" + " " * 6000 + "</w:p>")}),
               zipfile.ZIP_DEFLATED))
    write("docx", "legacy_doc.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    write("docx", "not_zip.txt", b"PK\x03\x04 not really a zip")


# ------------------------------------------------------------------------------------------------
# jsonl: one record per input (and dates).
# ------------------------------------------------------------------------------------------------


def jsonl_seeds():
    records = {
        "full.json": '{"id":"nq-21","title":"Nghị quyết 21-NQ/TW","text":"Về tăng cường...",'
        '"date":"2022-06-16T08:00:00Z","url":"https://www.dangcongsan.vn/a/b","symbol":"21-NQ/TW",'
        '"source":"dcs","tags":["x"],"n":3}',
        "numeric_id.json": '{"id":12345678901234,"date":"16/6/2022","body":"chữ"}',
        "float_id.json": '{"id":1.5,"title":"x"}',
        "blank_id.json": '{"id":"   ","title":"x"}',
        "no_id.json": '{"title":"x","text":"y"}',
        "bad_date.json": '{"id":"a","date":"ngày 16 tháng 6"}',
        "escapes.json": '{"id":"\\u0111\\u1ea3ng","text":"\\ud83c\\uddfb\\ud83c\\uddf3 \\n\\t\\"",'
        '"x\\u0000y":"\\u0000"}',
        "lone_surrogate.json": '{"id":"a","text":"\\ud800"}',
        "not_object.json": '["id","a"]',
        "truncated.json": '{"id":"a","text":"chưa đóng',
        "nested.json": '{"id":"a","o":' + "[" * 200 + "]" * 200 + "}",
        "dup_keys.json": '{"id":"a","id":"b","title":"1","title":"2"}',
        "date_only.txt": "2022-06-16\n16/6/2022\n2022\n2022-6\n29/2/2023\n2024-02-29\n31.12.1999\n"
        "2022-06-16T08:00:00Z\n 16/06/2022 10:00\n0/0/2022\n9999\n2022--06\n1/1/1\n",
    }
    for name, text in records.items():
        write("jsonl", name, text)
    write("jsonl", "invalid_utf8.json", b'{"id":"a","text":"\xff\xc3("}')


# ------------------------------------------------------------------------------------------------
# metadata: extracted text of pages and official documents; "text\0title_hint\0date_hint".
# ------------------------------------------------------------------------------------------------


def metadata_seeds():
    for p in SEED_PAGES:
        write("metadata", "page_" + p.stem[:3] + ".txt", cut(p.read_bytes()))
    for p in OFFICIAL_TXT:
        write("metadata", "official_" + p.stem + ".txt", cut(p.read_bytes()))
    page = cut(SEED_PAGES[1].read_bytes(), 3000)
    write("metadata", "page_with_hints.bin",
          page + b"\x00Ti\xc3\xaau \xc4\x91\xe1\xbb\x81 g\xe1\xbb\xa3i \xc3\xbd\x002023")
    write("metadata", "page_full_date_hint.bin", page + b"\x00\x002023-11-09T07:00:00+07:00")
    nq = cut(sample("official/party-nq-901.txt"))
    write("metadata", "official_nfd_blank_lines.txt",
          b"\n\n".join(nq.decode().replace("ị", "i\u0323").encode().split(b"\n")))
    write("metadata", "official_lowercase.txt", nq.decode().lower().encode())
    cases = {
        "header_min_state.txt": "CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 30/2020/NĐ-CP\tHà Nội, ngày 5 tháng 3 năm 2020\n"
        "NGHỊ ĐỊNH\nVề công tác văn thư\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn A\n",
        "header_min_party.txt": "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\n*\n"
        "Số 21-NQ/TW\nHà Nội, ngày 16 tháng 6 năm 2022\nNGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ NĂM "
        "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII\nvề tăng cường\n-----\nT/M BAN CHẤP HÀNH\n"
        "TỔNG BÍ THƯ\nNguyễn Phú Trọng\n",
        "header_bad_date.txt": "ĐẢNG CỘNG SẢN VIỆT NAM\nSố 1-NQ/TW\nngày 31 tháng 2 năm 2023\n"
        "NGHỊ QUYẾT\nKHÓA MMM\nHỘI NGHỊ TRUNG ƯƠNG 99\n",
        "boiler_only.txt": "Trang chủ » Tin tức\nLượt xem: 465\nChia sẻ\nBài viết liên quan\n"
        "Hôm nay: 773\nThống kê truy cập\n",
        "lead_date.txt": "Tiêu đề bài\n(ĐCSVN) - Sáng 5/3, hội nghị đã diễn ra tại Hà Nội với sự "
        "tham gia của nhiều đại biểu. Tháng 3/2024 là thời điểm quan trọng.\n",
        "kicker.txt": "Thời sự:\nTiêu đề chính của bài\nThứ 3, Ngày 10 / 10 / 2023\n"
        "Nội dung bài viết dài hơn một dòng, có dấu chấm câu.\n",
        "spaces.txt": "\u00a0\u2003 \t\r\n\u200b\ufeff\n \n\u3000",
        "crlf.txt": "Tiêu đề\r\n22:8' 26/7/2020\r\nĐoạn văn có dấu chấm.\r\n",
    }
    for name, text in cases.items():
        write("metadata", name, text)
    write("metadata", "invalid.bin", b"Ti\xc3\xaau \xff\xfe\n\xe1\xbb\n\xc0\xa0\xe0\x80\xa0 x\n")


def main():
    analyzer_seeds()
    encoding_seeds()
    query_seeds()
    html_seeds()
    pdf_seeds()
    docx_seeds()
    jsonl_seeds()
    metadata_seeds()
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print("seed corpora: %d files, %d bytes" % (sum(1 for f in OUT.rglob("*") if f.is_file()), total))
    assert total < 1 << 20, "seed corpora must stay under 1 MB"


if __name__ == "__main__":
    main()
