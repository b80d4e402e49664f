#version 330 core
// Screen-space triangles: rings, measure legs, buffer outlines.
layout(location = 0) in vec2 a_pos;     // pixels
layout(location = 1) in vec4 a_colour;  // normalised bytes
uniform vec2 u_viewport;
out vec4 v_colour;
void main() {
    gl_Position = vec4(a_pos.x / u_viewport.x * 2.0 - 1.0, 1.0 - a_pos.y / u_viewport.y * 2.0, 0.0, 1.0);
    v_colour = a_colour;
}
