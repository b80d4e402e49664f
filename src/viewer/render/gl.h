#pragma once
// Our own GL calls link libGL's core entry points directly (GL_GLEXT_PROTOTYPES); Mesa and
// every desktop driver on Linux export the 3.3 core functions, so no loader is needed.
// (Dear ImGui's OpenGL3 backend uses its own internal loader for itself.)
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
