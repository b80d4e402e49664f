#pragma once
// The only place that knows about GLFW: a window with an OpenGL 3.3 core context, visible
// for the interactive viewer or hidden for offscreen snapshots, and its input events.
#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace eventmap::viewer {

/// True when a display server is reachable ($DISPLAY or $WAYLAND_DISPLAY set and GLFW starts).
bool display_available();

class Window {
public:
    /// Creates a window and makes its GL 3.3 core context current; throws eventmap::Error
    /// ("no display: use --snapshot out.png" when there is none).
    Window(int width_px, int height_px, const std::string& title, bool visible);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool should_close() const;
    void swap_buffers();
    /// Processes pending input (waits at most timeout_s when > 0 and nothing animates).
    void poll(double timeout_s = 0);
    /// Framebuffer size (pixels; differs from the window size on HiDPI).
    void framebuffer_size(int& width_px, int& height_px) const;
    GLFWwindow* handle() const { return m_window; }
    /// Seconds since the platform started (monotonic).
    double time_s() const;
    /// The GL renderer string (e.g. "llvmpipe (LLVM 15.0.6, 256 bits)").
    std::string gl_renderer() const;

private:
    GLFWwindow* m_window = nullptr;
};

/// An offscreen render target (framebuffer object with a colour texture) of a fixed size.
class OffscreenTarget {
public:
    /// Needs a current GL context; throws eventmap::Error when the FBO is incomplete.
    OffscreenTarget(int width_px, int height_px);
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;
    void bind() const;
    /// Reads the pixels back, top row first, RGBA (4 bytes per pixel).
    std::vector<unsigned char> read_rgba() const;
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    unsigned m_fbo = 0, m_texture = 0;
    int m_width = 0, m_height = 0;
};

}  // namespace eventmap::viewer
