#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <vector>

#include "eventmap/ingest/reader.h"
#include "eventmap/text/utf8.h"

namespace eventmap::ingest {
namespace {

struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

bool name_is(const xmlNode* n, const char* name) {
    return n->type == XML_ELEMENT_NODE && n->name && xmlStrcasecmp(n->name, BAD_CAST name) == 0;
}

std::string attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

bool skipped(const xmlNode* n) {
    static constexpr const char* names[] = {"script", "style",  "nav",    "header", "footer", "aside",
                                           "form",   "noscript", "iframe", "svg",   "template", "button",
                                           "select", "head",   "object", "canvas"};
    for (const char* s : names)
        if (name_is(n, s)) return true;
    return false;
}

bool is_block(const xmlNode* n) {
    static constexpr const char* names[] = {"p",  "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
                                           "ol", "tr", "table", "blockquote", "section", "article", "figure",
                                           "figcaption", "pre", "dd", "dt", "dl", "main", "address", "hr",
                                           "td", "th", "caption", "body"};
    for (const char* s : names)
        if (name_is(n, s)) return true;
    return false;
}

// Collects text with collapsed white space; blocks become paragraphs (blank lines), <br> a line break.
class TextBuilder {
public:
    void text(const char* s) {
        for (const char* p = s; *p; ++p) {
            const char c = *p;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                m_space = true;
                continue;
            }
            // U+00A0 no-break space counts as white space too.
            if (static_cast<unsigned char>(c) == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0) {
                m_space = true;
                ++p;
                continue;
            }
            if (!m_out.empty()) {
                if (m_break == 2) m_out += "\n\n";
                else if (m_break == 1) m_out += '\n';
                else if (m_space) m_out += ' ';
            }
            m_break = 0;
            m_space = false;
            m_out += c;
        }
    }
    void brk(int level) { m_break = std::max(m_break, level); }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
    int m_break = 0;
    bool m_space = false;
};

void collect(const xmlNode* n, TextBuilder& out) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out.text(reinterpret_cast<const char*>(c->content));
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || skipped(c)) continue;
        if (name_is(c, "br")) { out.brk(1); continue; }
        const bool block = is_block(c);
        if (block) out.brk(2);
        collect(c->children, out);
        if (block) out.brk(2);
    }
}

struct Meta {
    std::string og_title, title, h1, published, url, og_url, lang;
    std::vector<const xmlNode*> articles;
    const xmlNode* body = nullptr;
};

std::string node_text(const xmlNode* n) {
    TextBuilder b;
    collect(n->children, b);
    return b.take();
}

void scan(const xmlNode* n, Meta& m) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name_is(c, "meta")) {
            const std::string key = attr(c, "property") + attr(c, "name") + attr(c, "itemprop");
            const std::string content = attr(c, "content");
            if (key == "og:title" && m.og_title.empty()) m.og_title = content;
            else if (key == "og:url" && m.og_url.empty()) m.og_url = content;
            else if ((key == "article:published_time" || key == "datePublished" || key == "date" ||
                      key == "pubdate" || key == "dc.date" || key == "DC.date.issued") && m.published.empty())
                m.published = content;
        } else if (name_is(c, "link")) {
            if (attr(c, "rel") == "canonical" && m.url.empty()) m.url = attr(c, "href");
        } else if (name_is(c, "title")) {
            if (m.title.empty()) m.title = node_text(c);
        } else if (name_is(c, "h1")) {
            if (m.h1.empty()) m.h1 = node_text(c);
        } else if (name_is(c, "time")) {
            if (m.published.empty()) m.published = attr(c, "datetime");
        } else if (name_is(c, "html")) {
            m.lang = attr(c, "lang");
        } else if (name_is(c, "body")) {
            m.body = c;
        } else if (name_is(c, "article") || attr(c, "itemprop") == "articleBody") {
            m.articles.push_back(c);
        }
        if (name_is(c, "script") || name_is(c, "style")) continue;
        scan(c->children, m);
    }
}

}  // namespace

bool html_declares_legacy_charset(std::string_view html) {
    std::string head(html.substr(0, 4096));
    for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const std::size_t at = head.find("charset=");
    if (at == std::string::npos) return false;
    std::size_t b = at + 8;
    while (b < head.size() && (head[b] == '"' || head[b] == '\'' || head[b] == ' ')) ++b;
    const std::string cs = head.substr(b, 6);
    return !cs.starts_with("utf-8") && !cs.starts_with("utf8") && !cs.empty();
}

Article article_from_html(std::string_view html) {
    // libxml2 guesses a legacy charset for pages that do not declare one; valid UTF-8 is the norm.
    const bool declares_other = html_declares_legacy_charset(html);
    const std::string clean = declares_other ? std::string() : text::sanitize_utf8(html, nullptr);
    const std::string_view input = declares_other ? html : std::string_view(clean);
    DocPtr doc(htmlReadMemory(input.data(), static_cast<int>(input.size()), nullptr,
                              declares_other ? nullptr : "UTF-8",
                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    Article a;
    if (!doc) return a;
    Meta m;
    scan(xmlDocGetRootElement(doc.get()), m);
    std::string best;
    for (const xmlNode* art : m.articles) {
        std::string t = node_text(art);
        if (t.size() > best.size()) best = std::move(t);
    }
    // A teaser <article> is not the story: fall back to the whole body when it is tiny.
    if (best.size() < 200) {
        const xmlNode* root = m.body ? m.body : xmlDocGetRootElement(doc.get());
        if (root) {
            std::string all = node_text(root);
            if (all.size() > best.size()) best = std::move(all);
        }
    }
    a.text = text::sanitize_utf8(best, nullptr);
    a.title = !m.og_title.empty() ? m.og_title : !m.title.empty() ? m.title : m.h1;
    a.url = !m.url.empty() ? m.url : m.og_url;
    a.lang = m.lang;
    if (!m.published.empty()) a.published = parse_published(m.published);
    return a;
}

}  // namespace eventmap::ingest
