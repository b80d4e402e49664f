#version 330 core
// Screen-space markers (aggregated bins, selection rings, measure points).
layout(location = 0) in vec2 a_pos;       // pixels
layout(location = 1) in float a_size;     // pixels
layout(location = 2) in vec4 a_colour;    // normalised bytes
layout(location = 3) in float a_symbol;
uniform vec2 u_viewport;
out vec4 v_colour;
flat out int v_symbol;
void main() {
    gl_Position = vec4(a_pos.x / u_viewport.x * 2.0 - 1.0, 1.0 - a_pos.y / u_viewport.y * 2.0, 0.0, 1.0);
    gl_PointSize = a_size;
    v_colour = a_colour;
    v_symbol = int(a_symbol + 0.5);
}
