#pragma once
// RAII for a Dear ImGui context with the OpenGL3 backend (and GLFW input when a window is given).
#include <filesystem>

struct GLFWwindow;
struct ImFont;

namespace eventmap::viewer {

class ImGuiSession {
public:
    /// window may be null (offscreen snapshots: no input); needs a current GL context.
    ImGuiSession(GLFWwindow* window, const std::filesystem::path& assets);
    ~ImGuiSession();
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;
    /// Starts a UI frame (backends, then ImGui).
    void new_frame();
    ImFont* regular() const { return m_regular; }
    ImFont* big() const { return m_big; }

private:
    bool m_glfw = false;
    ImFont* m_regular = nullptr;
    ImFont* m_big = nullptr;
};

}  // namespace eventmap::viewer
