#include "search/internal/citations.h"

#include <map>
#include <set>

#include "indexer/refs/key.h"
#include "search/reference_reader.h"

namespace vankien::search {

std::string OwnKeyOf(const StoredDocument& stored) {
  if (stored.doc.symbol.empty()) return "";
  return refs::DocumentKey(stored.doc.symbol, stored.doc.term, stored.doc.date);
}

std::vector<StoredMention> CountedMentions(const StoredDocument& stored, bool drop_self) {
  std::vector<StoredMention> out = stored.mentions;
  // Type and number → the symbols of that family the document spells out, with a key for each.
  std::map<std::string, std::map<std::string, std::string>> spelled;
  std::set<std::string> spelled_symbols;
  for (const StoredMention& m : out) {
    const SymbolShape shape = ShapeOf(m.symbol);
    if (shape.number.empty() || !SpelledOut(m.surface, m.symbol)) continue;
    spelled_symbols.insert(m.symbol);
    auto& family = spelled[shape.type + " " + shape.number];
    auto [it, inserted] = family.emplace(m.symbol, m.key);
    if (!inserted && it->second == it->first) it->second = m.key;  // prefer a keyed spelling
  }
  for (StoredMention& m : out) {
    if (spelled_symbols.count(m.symbol) || SpelledOut(m.surface, m.symbol)) continue;
    const SymbolShape shape = ShapeOf(m.symbol);
    if (shape.number.empty()) continue;
    auto f = spelled.find(shape.type + " " + shape.number);
    if (f == spelled.end() || f->second.size() != 1) continue;
    m.symbol = f->second.begin()->first;
    m.key = f->second.begin()->second;
  }
  // The header's "Số 21-NQ/TW" is the document itself, before any key is lent to it.
  if (drop_self && !stored.doc.symbol.empty()) {
    const std::string own_key = OwnKeyOf(stored);
    std::vector<StoredMention> kept;
    for (StoredMention& m : out) {
      const bool self = m.symbol == stored.doc.symbol &&
                        (m.key.empty() || m.key == m.symbol || m.key == own_key);
      if (!self) kept.push_back(std::move(m));
    }
    out = std::move(kept);
  }
  std::map<std::string, std::set<std::string>> keys;  // symbol → the keys given for it
  for (const StoredMention& m : out) {
    if (!m.key.empty() && m.key != m.symbol) keys[m.symbol].insert(m.key);
  }
  for (StoredMention& m : out) {
    if (m.key.empty() || m.key == m.symbol) {
      auto k = keys.find(m.symbol);
      if (k != keys.end() && k->second.size() == 1) m.key = *k->second.begin();
    }
  }
  return out;
}

}  // namespace vankien::search
