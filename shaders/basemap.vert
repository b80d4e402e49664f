#version 330 core
// Basemap triangles and lines, projected to world units once at upload.
layout(location = 0) in vec2 a_world;
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport;
uniform float u_offset;
void main() {
    vec2 px = (a_world + vec2(u_offset, 0.0) - u_center) * u_scale + 0.5 * u_viewport;
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
}
