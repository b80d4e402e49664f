// Usage: node check_geojson.mjs FILE
// Validates a GeoJSON file with @placemarkio/check-geojson (RFC 7946); prints every issue
// and exits 1 when there is one, 2 when the file cannot be read.
import { readFileSync } from "node:fs";
import { getIssues } from "@placemarkio/check-geojson";

const file = process.argv[2];
if (!file) {
  console.error("usage: node check_geojson.mjs FILE");
  process.exit(2);
}
let text;
try {
  text = readFileSync(file, "utf8");
} catch (err) {
  console.error(`${file}: ${err.message}`);
  process.exit(2);
}
const issues = getIssues(text);
for (const issue of issues) {
  console.error(`${file}:${issue.from}-${issue.to}: ${issue.severity}: ${issue.message}`);
}
if (issues.length > 0) process.exit(1);
console.log(`${file}: valid GeoJSON`);
