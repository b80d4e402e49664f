#version 330 core
// Marker shapes drawn in a point sprite: 0 circle, 1 square, 2 diamond, 3 triangle,
// 4 cross, 5 x, 6 ring outline. Dark edge for legibility over any basemap colour.
in vec4 v_colour;
flat in int v_symbol;
out vec4 frag_colour;

float shape(vec2 p, int s) {
    if (s == 1) return max(abs(p.x), abs(p.y)) / 0.85;
    if (s == 2) return abs(p.x) + abs(p.y);
    if (s == 3) return max(-p.y / 0.7, abs(p.x) * 1.89 + p.y);
    if (s == 4) return min(max(abs(p.x) / 0.38, abs(p.y)), max(abs(p.x), abs(p.y) / 0.38));
    if (s == 5) {
        vec2 q = vec2(p.x + p.y, p.x - p.y) * 0.7071;
        return min(max(abs(q.x) / 0.38, abs(q.y)), max(abs(q.x), abs(q.y) / 0.38));
    }
    if (s == 6) return abs(length(p) - 0.85) / 0.15;
    return length(p);
}

void main() {
    vec2 p = gl_PointCoord * 2.0 - 1.0;
    p.y = -p.y;
    float d = shape(p, v_symbol);
    if (d > 1.0) discard;
    vec3 c = v_colour.rgb;
    if (v_symbol != 6 && d > 0.72) c *= 0.35;
    frag_colour = vec4(c, v_colour.a);
}
