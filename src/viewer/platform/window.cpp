#include "viewer/platform/window.h"

#include "viewer/render/gl.h"  // before GLFW: our GL prototypes
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

#include <cstdlib>
#include <mutex>
#include <vector>

#include "eventmap/core/error.h"

namespace eventmap::viewer {
namespace {
std::string g_glfw_error;
void on_glfw_error(int, const char* description) { g_glfw_error = description ? description : "unknown GLFW error"; }

bool init_glfw() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        glfwSetErrorCallback(on_glfw_error);
        ok = glfwInit() == GLFW_TRUE;
        if (ok) std::atexit(glfwTerminate);
    });
    return ok;
}
}  // namespace

bool display_available() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    if ((!x || !*x) && (!w || !*w)) return false;
    return init_glfw();
}

Window::Window(int width_px, int height_px, const std::string& title, bool visible) {
    if (!display_available()) throw Error("no display: use --snapshot out.png");
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SAMPLES, visible ? 4 : 0);
    m_window = glfwCreateWindow(width_px, height_px, title.c_str(), nullptr, nullptr);
    if (!m_window) throw Error("cannot create an OpenGL 3.3 core window: " + g_glfw_error);
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);  // the display's refresh rate
}

Window::~Window() {
    if (m_window) glfwDestroyWindow(m_window);
}

bool Window::should_close() const { return glfwWindowShouldClose(m_window); }
void Window::swap_buffers() { glfwSwapBuffers(m_window); }
void Window::poll(double timeout_s) {
    if (timeout_s > 0) glfwWaitEventsTimeout(timeout_s);
    else glfwPollEvents();
}
double Window::time_s() const { return glfwGetTime(); }
void Window::framebuffer_size(int& w, int& h) const { glfwGetFramebufferSize(m_window, &w, &h); }
std::string Window::gl_renderer() const {
    const auto* r = glGetString(GL_RENDERER);
    const auto* v = glGetString(GL_VERSION);
    return std::string(r ? reinterpret_cast<const char*>(r) : "?") + ", GL " + (v ? reinterpret_cast<const char*>(v) : "?");
}

OffscreenTarget::OffscreenTarget(int width_px, int height_px) : m_width(width_px), m_height(height_px) {
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width_px <= 0 || height_px <= 0 || width_px > max_size || height_px > max_size)
        throw Error("snapshot size " + std::to_string(width_px) + "x" + std::to_string(height_px) +
                    " is not supported (max " + std::to_string(max_size) + ")");
    glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width_px, height_px, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glGenFramebuffers(1, &m_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) throw Error("offscreen framebuffer incomplete");
}

OffscreenTarget::~OffscreenTarget() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &m_fbo);
    glDeleteTextures(1, &m_texture);
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glViewport(0, 0, m_width, m_height);
}

std::vector<unsigned char> OffscreenTarget::read_rgba() const {
    std::vector<unsigned char> px(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height) * 4);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL's rows start at the bottom; images start at the top.
    std::vector<unsigned char> flipped(px.size());
    std::size_t row = static_cast<std::size_t>(m_width) * 4;
    for (int y = 0; y < m_height; ++y)
        std::copy_n(px.data() + static_cast<std::size_t>(m_height - 1 - y) * row, row, flipped.data() + static_cast<std::size_t>(y) * row);
    return flipped;
}

}  // namespace eventmap::viewer
