#include "viewer/imgui_session.h"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

namespace eventmap::viewer {

ImGuiSession::ImGuiSession(GLFWwindow* window, const std::filesystem::path& assets) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini littering the working directory
    ImGui::StyleColorsLight();
    ImGui::GetStyle().WindowRounding = 4;
    // Latin and Cyrillic: place names in eastern Europe come in both.
    auto regular = assets / "fonts/DejaVuSans.ttf", bold = assets / "fonts/DejaVuSans-Bold.ttf";
    static const ImWchar ranges[] = {0x0020, 0x00FF,   // Basic Latin, Latin-1 (°)
                                     0x0100, 0x024F,   // Latin Extended-A/B (Polish, Turkish, Vietnamese bases)
                                     0x0370, 0x03FF,   // Greek
                                     0x0400, 0x052F,   // Cyrillic
                                     0x2010, 0x205E,   // punctuation: dashes, quotes, ellipsis
                                     0};
    if (std::filesystem::exists(regular)) m_regular = io.Fonts->AddFontFromFileTTF(regular.c_str(), 15.0f, nullptr, ranges);
    if (!m_regular) m_regular = io.Fonts->AddFontDefault();
    if (std::filesystem::exists(bold)) m_big = io.Fonts->AddFontFromFileTTF(bold.c_str(), 24.0f, nullptr, ranges);
    if (!m_big) m_big = m_regular;
    if (window) m_glfw = ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

void ImGuiSession::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    if (m_glfw) ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

ImGuiSession::~ImGuiSession() {
    ImGui_ImplOpenGL3_Shutdown();
    if (m_glfw) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

}  // namespace eventmap::viewer
