// Iterative depth-first walk over a libxml2 tree, shared by the HTML and DOCX extractors.
// Internal to indexer/doc. Iterative because real pages nest thousands of elements deep.
#ifndef VANKIEN_INDEXER_DOC_XML_WALK_H_
#define VANKIEN_INDEXER_DOC_XML_WALK_H_

#include <libxml/tree.h>

namespace vankien::xml {

// Visits `root` and its descendants in document order without recursion. enter(n) returns
// whether to visit n's children; leave(n) follows them.
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter&& enter, Leave&& leave) {
  xmlNode* n = root;
  while (true) {
    if (enter(n) && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (true) {
      leave(n);
      if (n == root) return;
      if (n->next != nullptr) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

}  // namespace vankien::xml

#endif  // VANKIEN_INDEXER_DOC_XML_WALK_H_
