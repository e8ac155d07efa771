#include "indexer/doc/ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace vankien {
namespace {

struct PixFree {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

// Leptonica reports every decoding failure on stderr; its failures are ours to report.
void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// One Tesseract engine with its output silenced (it writes "Estimating resolution…" to stderr).
Result<std::unique_ptr<tesseract::TessBaseAPI>> StartEngine(const OcrOptions& options) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  api->SetVariable("debug_file", "/dev/null");
  const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
  if (api->Init(datapath, options.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Status::NotFound("Tesseract cannot load its '" + options.language +
                            "' model; install the Debian package tesseract-ocr-" +
                            options.language.substr(0, options.language.find('+')) +
                            " (tools/setup.sh does), or index with --no-ocr");
  }
  api->SetVariable("debug_file", "/dev/null");
  api->SetPageSegMode(tesseract::PSM_AUTO);
  return api;
}

struct PageResult {
  std::string text;
  int confidence = 0;
  bool done = false;
};

// ---------------------------------------------------------------------------------------------
// The header's digits, read again. A document's number ("Số: 01 /CT-UBND") and day ("ngày 04
// tháng 01") are often written by hand or stamped into a printed form after it was typed, and
// the page pass, trained on print, reads them as "Ø2", "2#", "899". Their place is known from
// the printed words around them, so each slot is cut out and read again by several digit-only
// readings; a reading is used only when they agree, and a slot they cannot agree on is left
// unreadable rather than guessed (a wrong number is worse than none).
// ---------------------------------------------------------------------------------------------

struct Box {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Glyph {
  std::string text;
  Box box;
};

struct OcrWord {
  std::vector<Glyph> glyphs;
  Box box;
  float confidence = 0;  // the page pass's, 0..100
  std::string Text() const {
    std::string s;
    for (const Glyph& g : glyphs) s += g.text;
    return s;
  }
};

struct OcrLine {
  std::string text;  // as the page text has it (with its '\n')
  Box box;
  std::vector<OcrWord> words;
};

// The base letter of a Latin or Vietnamese letter, lower-cased ('Ố' → 'o', 'đ' → 'd'); 0 for
// anything else. Enough to match the printed words around the slots, whatever marks OCR gave.
char BaseLetter(std::string_view utf8) {
  if (utf8.empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(utf8[0]);
  if (c < 0x80) return std::isalpha(c) ? static_cast<char>(std::tolower(c)) : 0;
  static const std::pair<char, std::string_view> kLetters[] = {
      {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"}, {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
      {'i', "ìíỉĩịÌÍỈĨỊ"}, {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
      {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"}, {'y', "ỳýỷỹỵỲÝỶỸỴ"}, {'d', "đĐ"}};
  for (const auto& [base, letters] : kLetters) {
    // Every letter of a group is one 2- or 3-byte sequence; compare whole sequences.
    for (std::size_t i = 0; i < letters.size();) {
      const std::size_t n = (static_cast<unsigned char>(letters[i]) >= 0xE0) ? 3 : 2;
      if (utf8 == letters.substr(i, n)) return base;
      i += n;
    }
  }
  return 0;
}

// The word's first glyphs are the letters of `word` (folded): "Số:" spells "so", "ngày⁄{5" "ngay".
bool Spells(const OcrWord& w, std::string_view word) {
  if (w.glyphs.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (BaseLetter(w.glyphs[i].text) != word[i]) return false;
  }
  return true;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Box BoxOf(const tesseract::ResultIterator& it, tesseract::PageIteratorLevel level) {
  Box b;
  it.BoundingBox(level, &b.x0, &b.y0, &b.x1, &b.y1);
  return b;
}

// The lines of the recognised page that start in its top `fraction`, glyph by glyph.
std::vector<OcrLine> TopLines(tesseract::TessBaseAPI& api, int page_height, double fraction) {
  std::vector<OcrLine> lines;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return lines;
  it->Begin();
  do {
    if (it->Empty(tesseract::RIL_SYMBOL)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || lines.empty()) {
      const Box box = BoxOf(*it, tesseract::RIL_TEXTLINE);
      if (box.y0 > page_height * fraction) break;
      OcrLine line;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
      if (text) line.text = text.get();
      line.box = box;
      lines.push_back(std::move(line));
    }
    OcrLine& line = lines.back();
    if (it->IsAtBeginningOf(tesseract::RIL_WORD) || line.words.empty()) {
      line.words.emplace_back();
      line.words.back().box = BoxOf(*it, tesseract::RIL_WORD);
      line.words.back().confidence = it->Confidence(tesseract::RIL_WORD);
    }
    std::unique_ptr<char[]> sym(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    line.words.back().glyphs.push_back(Glyph{sym ? sym.get() : "", BoxOf(*it, tesseract::RIL_SYMBOL)});
  } while (it->Next(tesseract::RIL_SYMBOL));
  return lines;
}

// The digit readers: Tesseract engines restricted to digits, one per model, started when a page
// first has a slot to read.
struct DigitReaders {
  std::vector<std::unique_ptr<tesseract::TessBaseAPI>> engines;
  bool started = false;

  void Start(const OcrOptions& options) {
    started = true;
    const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
    // The Vietnamese model and the English one err on different handwritten shapes, which is
    // what makes their agreement worth something.
    for (const char* model : {"vie", "eng"}) {
      auto api = std::make_unique<tesseract::TessBaseAPI>();
      api->SetVariable("debug_file", "/dev/null");
      if (api->Init(datapath, model, tesseract::OEM_LSTM_ONLY) != 0) continue;  // that model is absent
      api->SetVariable("debug_file", "/dev/null");
      api->SetVariable("tessedit_char_whitelist", "0123456789");
      engines.push_back(std::move(api));
    }
  }
};

// A slot of the page cut out as its own grey image, enlarged `scale` times (bilinear).
PageImage Cut(const PageImage& page, Box b, double scale) {
  b.x0 = std::clamp(b.x0, 0, page.width);
  b.x1 = std::clamp(b.x1, 0, page.width);
  b.y0 = std::clamp(b.y0, 0, page.height);
  b.y1 = std::clamp(b.y1, 0, page.height);
  auto grey_at = [&](int x, int y) -> int {
    const std::uint8_t* p = page.pixels.data() + static_cast<std::size_t>(y) * page.stride +
                            static_cast<std::size_t>(x) * page.channels;
    if (page.channels < 3) return p[0];
    // A red stamp over the slot is no part of the digits (handwriting is blue or black): red
    // pixels become paper.
    const int r = p[0], g = p[1], bl = p[2];
    return (r > g + 60 && r > bl + 60) ? 255 : (r * 30 + g * 59 + bl * 11) / 100;
  };
  const int w = b.x1 - b.x0, h = b.y1 - b.y0;
  PageImage out;
  out.width = std::max(0, static_cast<int>(w * scale));
  out.height = std::max(0, static_cast<int>(h * scale));
  out.channels = 1;
  out.stride = static_cast<std::size_t>(out.width);
  out.dpi = page.dpi > 0 ? static_cast<int>(page.dpi * scale) : 0;
  out.pixels.resize(out.stride * static_cast<std::size_t>(out.height));
  for (int y = 0; y < out.height; ++y) {
    const double sy = std::min(y / scale, h - 1.0);
    const int y0 = static_cast<int>(sy), y1 = std::min(y0 + 1, h - 1);
    const double fy = sy - y0;
    for (int x = 0; x < out.width; ++x) {
      const double sx = std::min(x / scale, w - 1.0);
      const int x0 = static_cast<int>(sx), x1 = std::min(x0 + 1, w - 1);
      const double fx = sx - x0;
      const double top = grey_at(b.x0 + x0, b.y0 + y0) * (1 - fx) + grey_at(b.x0 + x1, b.y0 + y0) * fx;
      const double bottom = grey_at(b.x0 + x0, b.y0 + y1) * (1 - fx) + grey_at(b.x0 + x1, b.y0 + y1) * fx;
      out.pixels[static_cast<std::size_t>(y) * out.stride + x] = static_cast<std::uint8_t>(top * (1 - fy) + bottom * fy);
    }
  }
  return out;
}

// The slot read eight ways: each digit engine, as one line and as one word, at the page's
// resolution and enlarged by half (handwriting and small print read differently at each).
// Returns how many readings gave each string of digits.
std::map<std::string, int> ReadDigits(DigitReaders& readers, const PageImage& page, Box slot) {
  std::map<std::string, int> votes;
  if (slot.x1 - slot.x0 < 8 || slot.y1 - slot.y0 < 8) return votes;
  const int pad = (slot.y1 - slot.y0) / 8;  // the slot as found, and a little wider
  for (const Box& box : {slot, Box{slot.x0 - pad, slot.y0, slot.x1 + pad, slot.y1}})
  for (double scale : {1.0, 1.5}) {
    const PageImage cut = Cut(page, box, scale);
    for (auto& engine : readers.engines) {
      for (tesseract::PageSegMode mode : {tesseract::PSM_SINGLE_LINE, tesseract::PSM_SINGLE_WORD}) {
        engine->SetPageSegMode(mode);
        engine->SetImage(cut.pixels.data(), cut.width, cut.height, 1, static_cast<int>(cut.stride));
        if (cut.dpi > 0) engine->SetSourceResolution(cut.dpi);
        std::unique_ptr<char[]> text(engine->GetUTF8Text());
        std::string digits;
        for (const char* c = text ? text.get() : ""; *c != 0; ++c) {
          if (*c >= '0' && *c <= '9') digits += *c;
        }
        engine->Clear();
        ++votes[digits];  // "" counts too: a reading that found nothing is a vote against the rest
      }
    }
  }
  return votes;
}

// Page-pass digits at this confidence are print read well; they are not read again.
constexpr float kPrintedConfidence = 80;

// What a slot becomes. `first` is what the page pass read there, `confidence` its word
// confidence, `valid` says which numbers the slot can hold. Printed digits read well stay. Else
// the second pass decides: digits the page pass read are kept when no other reading is more
// frequent, and otherwise become "?" (unreadable: "899" where the readings say "499" is wrong
// either way); a slot the page pass read as something else ("Ø2", "@39_") takes the digits three
// quarters of the readings agree on, and keeps its text (which no date or number reader takes
// for digits) when they do not agree. On the dev scans a handwritten "16" is read "46" by 11 of
// 16 readings: the bar is set so that it stays unread.
template <typename Valid>
std::string DecideSlot(DigitReaders& readers, const OcrOptions& options, const PageImage& page, Box slot,
                       const std::string& first, float confidence, Valid valid) {
  const bool first_digits = AllDigits(first) && valid(first);
  if (first_digits && confidence >= kPrintedConfidence) return first;
  if (!readers.started) readers.Start(options);
  const std::map<std::string, int> votes = ReadDigits(readers, page, slot);
  int readings = 0;
  for (const auto& [digits, n] : votes) readings += n;
  if (readings == 0) return first;
  if (first_digits) {
    const auto it = votes.find(first);
    const int for_first = it == votes.end() ? 0 : it->second;
    for (const auto& [digits, n] : votes) {
      if (n > for_first) return "?";
    }
    return first;
  }
  for (const auto& [digits, n] : votes) {
    if (!digits.empty() && valid(digits) && 4 * n >= 3 * readings) return digits;
  }
  return first;
}

bool AnyNumber(const std::string& s) { return s.size() <= 6; }
bool Day(const std::string& s) { return s.size() <= 2 && std::stoi(s) >= 1 && std::stoi(s) <= 31; }
bool Month(const std::string& s) { return s.size() <= 2 && std::stoi(s) >= 1 && std::stoi(s) <= 12; }

// A glyph position in a line: word `word`, glyph `glyph` of it.
struct At {
  std::size_t word = 0, glyph = 0;
  bool operator<(const At& o) const { return word != o.word ? word < o.word : glyph < o.glyph; }
};

// The glyphs [from, to) of a line are to be written as `text`.
struct Edit {
  At from, to;
  std::string text;
};

std::string Between(const OcrLine& line, At from, At to) {
  std::string s;
  for (At a = from; a < to;) {
    if (a.glyph >= line.words[a.word].glyphs.size()) {
      ++a.word, a.glyph = 0;
      continue;
    }
    s += line.words[a.word].glyphs[a.glyph++].text;
  }
  return s;
}

// The line's words with the edits made (sorted, not overlapping), words joined by spaces.
std::string Rebuild(const OcrLine& line, const std::vector<Edit>& edits) {
  std::string out;
  std::size_t e = 0;
  std::vector<bool> emitted(edits.size(), false);
  auto emit = [&](std::size_t i) {
    if (emitted[i]) return;
    emitted[i] = true;
    if (!out.empty() && out.back() != ' ') out += ' ';
    out += edits[i].text + " ";
  };
  for (std::size_t k = 0; k < line.words.size(); ++k) {
    if (!out.empty() && out.back() != ' ') out += ' ';
    for (std::size_t g = 0; g < line.words[k].glyphs.size(); ++g) {
      const At here{k, g};
      bool inside = false;
      while (e < edits.size() && !(here < edits[e].from)) {
        emit(e);
        if (here < edits[e].to) {
          inside = true;
          break;
        }
        ++e;
      }
      if (!inside) out += line.words[k].glyphs[g].text;
    }
  }
  for (; e < edits.size(); ++e) emit(e);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\n";
}

// The slot from x0 to x1 on the height of `word` (a printed word beside it), with room above
// and below for handwriting that leaves the line.
Box SlotBox(const OcrWord& word, int x0, int x1) {
  const int h = word.box.y1 - word.box.y0;
  return Box{x0 + 2, word.box.y0 - h / 2, x1 - 2, word.box.y1 + h / 2};
}

// The lowest page-pass confidence of the words glyphs [from, to) touch (100 when none).
float ConfidenceOf(const OcrLine& line, At from, At to) {
  float c = 100;
  for (std::size_t k = from.word; k <= to.word && k < line.words.size(); ++k) {
    if ((k == to.word && to.glyph == 0) || (k == from.word && from.glyph >= line.words[k].glyphs.size())) continue;
    c = std::min(c, line.words[k].confidence);
  }
  return c;
}

// The slot of the number in "Số: <slot> /XX-YY", decided; false when the line has none.
bool RereadNumber(DigitReaders& readers, const OcrOptions& options, const PageImage& page, const OcrLine& line,
                  std::vector<Edit>* edits) {
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const OcrWord& so = line.words[i];
    if (!Spells(so, "so") || (so.glyphs.size() > 2 && BaseLetter(so.glyphs[2].text) != 0)) continue;  // not "Sở"
    const std::size_t label = so.glyphs.size() > 2 && so.glyphs[2].text == ":" ? 3 : 2;  // "Số:" or "Số"
    // The number ends at the first '/' before a capital or a digit within the next words
    // ("/CT-UBND", "6§0_/TB-UBND", "30/2020/NĐ-CP").
    for (std::size_t k = i; k < line.words.size() && k <= i + 4; ++k) {
      const OcrWord& w = line.words[k];
      for (std::size_t g = (k == i ? label : 0); g + 1 < w.glyphs.size(); ++g) {
        const unsigned char next = static_cast<unsigned char>(w.glyphs[g + 1].text[0]);
        if (w.glyphs[g].text != "/" || !(std::isupper(next) || std::isdigit(next))) continue;
        const At from{i, label}, to{k, g};
        const std::string first = Between(line, from, to);
        const Box slot = SlotBox(so, so.glyphs[label - 1].box.x1, w.glyphs[g].box.x0);
        edits->push_back(Edit{from, to, DecideSlot(readers, options, page, slot, first, ConfidenceOf(line, from, to),
                                                   AnyNumber)});
        return true;
      }
    }
  }
  return false;
}

// The day in "ngày <slot> tháng", and the month in "tháng <slot> năm", decided; false when the
// line has no "ngày … tháng".
bool RereadDate(DigitReaders& readers, const OcrOptions& options, const PageImage& page, const OcrLine& line,
                std::vector<Edit>* edits) {
  for (std::size_t n = 0; n < line.words.size(); ++n) {
    if (!Spells(line.words[n], "ngay")) continue;
    std::size_t t = n + 1;
    while (t < line.words.size() && t <= n + 3 && !Spells(line.words[t], "thang")) ++t;
    if (t >= line.words.size() || t > n + 3) continue;
    const OcrWord& ngay = line.words[n];
    const OcrWord& thang = line.words[t];
    const At day_from{n, 4}, day_to{t, 0};
    edits->push_back(Edit{day_from, day_to,
                          DecideSlot(readers, options, page, SlotBox(thang, ngay.glyphs[3].box.x1, thang.box.x0),
                                     Between(line, day_from, day_to), ConfidenceOf(line, day_from, day_to), Day)});
    // The month: the glyphs after "tháng" in its word, or the next word, up to "năm".
    std::size_t m = t + 1;
    while (m < line.words.size() && m <= t + 2 && !Spells(line.words[m], "nam")) ++m;
    if (m < line.words.size() && m <= t + 2) {
      const At month_from{t, 5}, month_to{m, 0};
      edits->push_back(Edit{month_from, month_to,
                            DecideSlot(readers, options, page, SlotBox(thang, thang.glyphs[4].box.x1, line.words[m].box.x0),
                                       Between(line, month_from, month_to), ConfidenceOf(line, month_from, month_to),
                                       Month)});
    }
    return true;
  }
  return false;
}

// Replaces, in `text`, the header's number and date lines by their rewrites with the slots read
// again. Only the first number line and the first date line of the page's top count.
void RereadHeaderDigits(tesseract::TessBaseAPI& api, DigitReaders& readers, const OcrOptions& options,
                        const PageImage& page, std::string* text) {
  bool number_done = false, date_done = false;
  for (const OcrLine& line : TopLines(api, page.height, 0.45)) {
    if (line.text.empty() || line.words.empty()) continue;
    std::vector<Edit> edits;
    if (!number_done) number_done = RereadNumber(readers, options, page, line, &edits);
    if (!date_done) date_done = RereadDate(readers, options, page, line, &edits);
    if (edits.empty()) continue;
    std::erase_if(edits, [&](const Edit& e) { return e.text == Between(line, e.from, e.to); });
    if (edits.empty()) continue;
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.from < b.from; });
    const std::size_t at = text->find(line.text);
    if (at != std::string::npos) text->replace(at, line.text.size(), Rebuild(line, edits));
    if (number_done && date_done) break;
  }
}

PageResult Recognize(tesseract::TessBaseAPI& api, DigitReaders& readers, const OcrOptions& options,
                     const PageImage& page, int deadline_ms) {
  PageResult r;
  api.SetImage(page.pixels.data(), page.width, page.height, page.channels, static_cast<int>(page.stride));
  if (page.dpi > 0) api.SetSourceResolution(page.dpi);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(std::max(deadline_ms, 1));
  if (api.Recognize(&monitor) == 0) {
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    if (text) r.text = text.get();
    r.confidence = api.MeanTextConf();
    r.done = true;
    if (options.reread_header_digits) RereadHeaderDigits(api, readers, options, page, &r.text);
  }
  api.Clear();
  return r;
}

}  // namespace

Result<OcrText> RecognizePages(std::size_t count, const PageProducer& produce, const OcrOptions& options) {
  SilenceLeptonica();  // Tesseract's own Leptonica calls report on stderr too
  OcrText out;
  out.pages.resize(count);
  const std::size_t todo = std::min(count, options.max_pages);
  out.pages_skipped = count - todo;
  if (todo == 0) return out;
  std::size_t threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, todo);

  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::milliseconds(static_cast<long long>(options.max_seconds * 1000));
  std::vector<PageResult> results(todo);
  std::atomic<std::size_t> next{0};
  std::mutex produce_mutex, report_mutex;
  std::size_t done = 0, failed_renders = 0;
  Status first_render_error, engine_error;
  bool timed_out = false;

  auto work = [&] {
    auto engine = StartEngine(options);
    if (!engine.ok()) {
      std::lock_guard<std::mutex> lock(report_mutex);
      if (engine_error.ok()) engine_error = engine.status();
      return;
    }
    DigitReaders readers;
    while (true) {
      const std::size_t i = next.fetch_add(1);
      if (i >= todo) return;
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) {
        std::lock_guard<std::mutex> lock(report_mutex);
        timed_out = true;
        continue;  // leave the page skipped; the other workers see the same deadline
      }
      Result<PageImage> image = Status::Internal("not rendered");
      {
        std::lock_guard<std::mutex> lock(produce_mutex);
        image = produce(i);
      }
      if (!image.ok()) {
        std::lock_guard<std::mutex> lock(report_mutex);
        if (failed_renders++ == 0) first_render_error = image.status();
        continue;
      }
      const int left_ms = static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
      results[i] = Recognize(**engine, readers, options, *image, left_ms);
      std::lock_guard<std::mutex> lock(report_mutex);
      if (!results[i].done) timed_out = true;
      ++done;
      if (options.progress) options.progress(done, todo);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  if (!engine_error.ok() && done == 0) return engine_error;
  if (failed_renders == todo) return first_render_error;
  double weighted = 0, weight = 0;
  for (std::size_t i = 0; i < todo; ++i) {
    if (!results[i].done) {
      ++out.pages_skipped;
      continue;
    }
    ++out.pages_recognized;
    out.pages[i] = std::move(results[i].text);
    const double w = static_cast<double>(out.pages[i].size());
    weighted += w * results[i].confidence;
    weight += w;
  }
  out.mean_confidence = weight > 0 ? weighted / weight : 0;
  out.timed_out = timed_out;
  return out;
}

namespace {

bool IsTiff(l_int32 format) {
  return format == IFF_TIFF || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE || format == IFF_TIFF_G3 ||
         format == IFF_TIFF_G4 || format == IFF_TIFF_LZW || format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG;
}

Result<l_int32> ImageFormat(std::string_view bytes) {
  SilenceLeptonica();
  l_int32 format = IFF_UNKNOWN;
  if (bytes.size() < 12 || findFileFormatBuffer(reinterpret_cast<const l_uint8*>(bytes.data()), &format) != 0 ||
      format == IFF_UNKNOWN) {
    return Status::Corrupt("not an image Leptonica can read (PNG, JPEG, TIFF, BMP, GIF, WebP); check the file type");
  }
  return format;
}

}  // namespace

Result<std::size_t> CountImagePages(std::string_view bytes) {
  auto format = ImageFormat(bytes);
  if (!format.ok()) return format.status();
  if (!IsTiff(*format)) return std::size_t{1};
  FILE* f = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (f == nullptr) return Status::Internal("cannot read the TIFF from memory");
  l_int32 n = 0;
  const bool ok = tiffGetCount(f, &n) == 0;
  std::fclose(f);
  if (!ok || n <= 0) return Status::Corrupt("damaged TIFF: its pages cannot be counted; re-scan or re-save it");
  return static_cast<std::size_t>(n);
}

Result<PageImage> DecodeImagePage(std::string_view bytes, std::size_t index) {
  auto format = ImageFormat(bytes);
  if (!format.ok()) return format.status();
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  PixPtr pix(IsTiff(*format) ? pixReadMemTiff(data, bytes.size(), static_cast<l_int32>(index))
                             : (index == 0 ? pixReadMem(data, bytes.size()) : nullptr));
  if (!pix) return Status::Corrupt("damaged image: page " + std::to_string(index + 1) + " cannot be decoded");
  PixPtr gray(pixConvertTo8(pix.get(), 0));
  if (!gray) return Status::Corrupt("image page " + std::to_string(index + 1) + " cannot be converted to grey");
  PageImage page;
  page.width = pixGetWidth(gray.get());
  page.height = pixGetHeight(gray.get());
  page.channels = 1;
  page.stride = static_cast<std::size_t>(page.width);
  page.dpi = pixGetXRes(pix.get()) > 0 ? pixGetXRes(pix.get()) : 0;
  page.pixels.resize(page.stride * static_cast<std::size_t>(page.height));
  const l_int32 wpl = pixGetWpl(gray.get());
  const l_uint32* rows = pixGetData(gray.get());
  for (int y = 0; y < page.height; ++y) {
    const l_uint32* line = rows + static_cast<std::size_t>(y) * wpl;
    std::uint8_t* dst = page.pixels.data() + static_cast<std::size_t>(y) * page.stride;
    for (int x = 0; x < page.width; ++x) dst[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
  }
  return page;
}

std::string OcrEngineName(const OcrOptions& options) {
  // The suffix names the version of the header digit pass: a change to it must not be hidden by
  // results cached before it.
  return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " " + options.language +
         (options.reread_header_digits ? " digits-1" : "");
}

}  // namespace vankien
