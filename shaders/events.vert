#version 330 core
// One uploaded event per vertex; filters and the size mode are uniforms, so scrubbing and
// filtering never touch the buffer.
layout(location = 0) in vec2 a_world;
layout(location = 1) in int a_day;
layout(location = 2) in uvec4 a_cats;    // type, actor, country, flags
layout(location = 3) in uvec2 a_sizes;   // count, fatalities

uniform vec2 u_center;      // camera centre (world units)
uniform float u_scale;      // pixels per world unit
uniform vec2 u_viewport;    // pixels
uniform float u_offset;     // world copy (whole worlds)
uniform uint u_type_mask;
uniform uint u_actor_mask;
uniform uint u_country_mask;
uniform ivec2 u_days;       // window, inclusive
uniform int u_size_mode;    // 0 uniform, 1 count, 2 fatalities
uniform float u_base_size;
uniform vec4 u_colours[32];
uniform int u_symbols[32];

out vec4 v_colour;
flat out int v_symbol;

void main() {
    bool shown = ((u_type_mask >> a_cats.x) & 1u) == 1u && ((u_actor_mask >> a_cats.y) & 1u) == 1u &&
                 ((u_country_mask >> a_cats.z) & 1u) == 1u && a_day >= u_days.x && a_day <= u_days.y;
    if (!shown) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: culled before rasterising
        gl_PointSize = 0.0;
        return;
    }
    vec2 px = (a_world + vec2(u_offset, 0.0) - u_center) * u_scale + 0.5 * u_viewport;
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
    float factor = 1.0;
    if (u_size_mode == 1) factor = 1.0 + 0.5 * log2(max(1.0, float(a_sizes.x)));
    if (u_size_mode == 2) factor = 1.0 + 0.5 * log2(1.0 + float(a_sizes.y));
    gl_PointSize = clamp(u_base_size * factor, 3.0, 64.0);
    v_colour = u_colours[a_cats.x];
    v_symbol = u_symbols[a_cats.x];
}
