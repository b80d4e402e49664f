#pragma once
// RAII for PROJ: a context and transformation objects.
#include <proj.h>

#include <memory>

namespace eventmap::geo {

struct ProjContextDeleter { void operator()(PJ_CONTEXT* c) const noexcept { if (c) proj_context_destroy(c); } };
struct ProjDeleter { void operator()(PJ* p) const noexcept { if (p) proj_destroy(p); } };
using ProjContext = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using ProjObject = std::unique_ptr<PJ, ProjDeleter>;

}  // namespace eventmap::geo
