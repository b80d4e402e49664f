// Recognition and resolution rules, each on sentences we wrote, against the real gazetteer
// index that set-up builds (skipped when it is absent).
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/geo/geodesic.h"
#include "eventmap/geoparse/geoparser.h"
#include "eventmap/ingest/article.h"
#include "eventmap/text/structure.h"
#include "support/support.h"

using eventmap::geoparse::Geoparser;
using eventmap::geoparse::Toponym;
using eventmap::geoparse::ToponymKind;

namespace {

struct Fixture {
    eventmap::gazetteer::Gazetteer gaz;
    Geoparser parser;
    explicit Fixture(const std::filesystem::path& p) : gaz(eventmap::gazetteer::Gazetteer::open(p)), parser(gaz) {}
};

Fixture* fixture() {
    static std::unique_ptr<Fixture> f = [] {
        auto idx = eventmap::test::real_index();
        return idx ? std::make_unique<Fixture>(*idx) : nullptr;
    }();
    return f.get();
}

#define REQUIRE_INDEX()                                                          \
    if (!fixture()) {                                                            \
        WARN("no gazetteer index (run scripts/setup.sh); skipping");             \
        return;                                                                  \
    }

std::vector<Toponym> parse(const std::string& text) {
    eventmap::ingest::Article a;
    a.text = text;
    auto s = eventmap::text::analyse_structure(a);
    return fixture()->parser.parse(a.text, fixture()->parser.context_for(a, s));
}

const Toponym* find(const std::vector<Toponym>& ts, const std::string& text) {
    for (const auto& t : ts)
        if (t.text == text && !t.derived) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("literal places are found and resolved to the right namesake", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Shelling continued in Avdiivka, a town south of Bakhmut, on Tuesday.");
    const Toponym* a = find(ts, "Avdiivka");
    REQUIRE(a);
    REQUIRE(a->geonameid == 713122);  // the Donetsk-oblast town, not the Chernihiv village
    REQUIRE(a->kind == ToponymKind::literal);
    REQUIRE(find(ts, "Bakhmut"));
    REQUIRE(find(ts, "Bakhmut")->geonameid == 713174);
}

TEST_CASE("a country qualifier picks the place in that country", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Leaders met in Samarkand, Uzbekistan, last autumn.");
    REQUIRE(find(ts, "Samarkand"));
    REQUIRE(find(ts, "Samarkand")->country == "UZ");
    auto us = parse("The fire broke out in Alexandria, La., late on Sunday.");
    REQUIRE(find(us, "Alexandria"));
    REQUIRE(find(us, "Alexandria")->country == "US");
    REQUIRE(find(us, "Alexandria")->admin1 == "Louisiana");
    REQUIRE(find(us, "La."));
}

TEST_CASE("region forms reach the admin1 region", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Fighting spread across the Donetsk region overnight.");
    const Toponym* d = find(ts, "Donetsk region");
    REQUIRE(d);
    REQUIRE(d->feature_code == "ADM1");
}

TEST_CASE("demonyms and metonyms are kept apart from literal places", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Russian forces advanced while Moscow said talks were over. The Kremlin declined to comment.");
    REQUIRE(find(ts, "Russian"));
    REQUIRE(find(ts, "Russian")->kind == ToponymKind::demonym);
    REQUIRE(find(ts, "Russian")->country == "RU");
    REQUIRE(find(ts, "Moscow"));
    REQUIRE(find(ts, "Moscow")->kind == ToponymKind::metonym);
    REQUIRE(find(ts, "Kremlin"));
    REQUIRE(find(ts, "Kremlin")->kind == ToponymKind::metonym);
    REQUIRE(find(ts, "Kremlin")->geonameid == 524901);
}

TEST_CASE("names inside organisations are embedded, people and dates are not places", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("A reporter for the Washington Post spoke to Gareth Jones on March 17 about the Wagner group.");
    REQUIRE(find(ts, "Washington"));
    REQUIRE(find(ts, "Washington")->kind == ToponymKind::embedded);
    REQUIRE_FALSE(find(ts, "Jones"));
    REQUIRE_FALSE(find(ts, "March"));
    REQUIRE_FALSE(find(ts, "Wagner"));
    auto person = parse("Police said Paris Hilton was not at home. President Jackson spoke later.");
    REQUIRE_FALSE(find(person, "Paris"));
    REQUIRE_FALSE(find(person, "Police"));
    REQUIRE_FALSE(find(person, "Jackson"));
}

TEST_CASE("one sense per name per article, guided by the article's other places", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Crews in Paris, Texas, cleared roads near Dallas. Later, Paris officials thanked them.");
    int seen = 0;
    for (const auto& t : ts)
        if (t.text == "Paris") {
            ++seen;
            REQUIRE(t.country == "US");
        }
    REQUIRE(seen == 2);
}

TEST_CASE("relative locations become derived points from their anchor", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("The village lies 30 km north of Kharkiv.");
    const Toponym* anchor = find(ts, "Kharkiv");
    REQUIRE(anchor);
    auto it = std::find_if(ts.begin(), ts.end(), [](const Toponym& t) { return t.derived; });
    REQUIRE(it != ts.end());
    REQUIRE(it->text == "30 km north of Kharkiv");
    REQUIRE(it->anchor == "Kharkiv");
    auto inv = eventmap::geo::inverse(anchor->point, it->point);
    REQUIRE(inv.distance_m == Approx(30000).margin(1));
    REQUIRE(inv.azimuth1_deg == Approx(0).margin(1e-6));
}

TEST_CASE("offsets are Unicode code points", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Über Nacht: Angriffe auf Kyiv.");  // "Ü" is two bytes, one code point
    const Toponym* k = find(ts, "Kyiv");
    REQUIRE(k);
    REQUIRE(k->start_cp == 25);
    REQUIRE(k->end_cp == 29);
    REQUIRE(k->start_byte == 26);
}

TEST_CASE("the same article parsed again, after others, gives the same toponyms", "[geoparse]") {
    REQUIRE_INDEX();
    const std::string text =
        "Shelling hit Kharkiv and Izium on Monday. Officials in Kharkiv said Izium was calm later. "
        "In Paris, Texas, the mayor spoke; Paris, the French capital, hosted talks.";
    const auto first = parse(text);
    (void)parse("Floods reached Lviv, Odesa and Dnipro. Lviv opened shelters.");
    (void)parse("The mayor of Springfield, Illinois, visited Springfield, Missouri.");
    const auto again = parse(text);
    REQUIRE(first.size() == again.size());
    REQUIRE_FALSE(first.empty());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].text == again[i].text);
        CHECK(first[i].geonameid == again[i].geonameid);
        CHECK(first[i].start_cp == again[i].start_cp);
        CHECK(first[i].confidence == again[i].confidence);
    }
    // Repeated mentions of one name share one sense.
    std::vector<std::int64_t> kharkiv;
    for (const auto& t : first)
        if (t.text == "Kharkiv") kharkiv.push_back(t.geonameid);
    REQUIRE(kharkiv.size() == 2);
    CHECK(kharkiv[0] == kharkiv[1]);
}

TEST_CASE("a county resolves to the namesake the article's towns point at", "[geoparse]") {
    REQUIRE_INDEX();
    auto fl = parse("Storms cut power across Polk County on Monday, and crews in Lakeland worked through the night.");
    const Toponym* c = find(fl, "Polk County");
    REQUIRE(c);
    CHECK(c->feature_code == "ADM2");
    CHECK(c->country == "US");
    CHECK(c->admin1 == "Florida");
    auto ia = parse("Deputies in Polk County said the bridge north of Des Moines would stay closed.");
    REQUIRE(find(ia, "Polk County"));
    CHECK(find(ia, "Polk County")->admin1 == "Iowa");
    auto ua = parse("Shelling hit villages in the Luhansk district overnight.");
    REQUIRE(find(ua, "Luhansk district"));
    CHECK(find(ua, "Luhansk district")->feature_code == "ADM2");
    CHECK(find(ua, "Luhansk district")->country == "UA");
}

TEST_CASE("a state is placed at its representative point, not at its biggest cities", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Wildfires burned across California for a third week.");
    const Toponym* ca = find(ts, "California");
    REQUIRE(ca);
    CHECK(ca->feature_code == "ADM1");
    // Within 25 km of GeoNames' point for the state (37.25 N 119.75 W); the mean of its towns
    // (35.4 N 119.3 W, pulled south by Los Angeles) is 210 km off.
    CHECK(eventmap::geo::distance_km(ca->point, eventmap::geo::LatLon::from_degrees(37.25, -119.75)) < 25.0);
}

TEST_CASE("the EU and continent adjectives are places, news country names are countries", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("EU ministers met African and Asian envoys in Brussels, and Britain sent an observer.");
    for (const char* name : {"EU", "African", "Asian"}) {
        INFO(name);
        const Toponym* t = find(ts, name);
        REQUIRE(t);
        CHECK(t->feature_code == "CONT");
        CHECK(t->point.is_valid());
    }
    REQUIRE(find(ts, "Britain"));
    CHECK(find(ts, "Britain")->country == "GB");
    // Two capitals stay out: "EU" is allowed as a region's code, not every two-letter word.
    auto other = parse("An AI lab in Lagos hired staff.");
    CHECK_FALSE(find(other, "AI"));
}

TEST_CASE("a country's name is the US state when the article's other places are American", "[geoparse]") {
    REQUIRE_INDEX();
    // The name itself does not count as context: three "Georgia"s do not outvote Texas and Florida.
    auto us = parse("Georgia lawmakers met in Atlanta on Tuesday. Officials in Texas and Florida watched the vote, "
                    "and the Georgia governor signed it.");
    int seen = 0;
    for (const auto& t : us)
        if (t.text == "Georgia") {
            ++seen;
            CHECK(t.country == "US");
            CHECK(t.feature_code == "ADM1");
        }
    CHECK(seen == 2);
    auto ge = parse("Georgia and Armenia signed a trade deal in Tbilisi on Friday.");
    REQUIRE(find(ge, "Georgia"));
    CHECK(find(ge, "Georgia")->country == "GE");
    // No American context: the country.
    auto alone = parse("Farmers in Georgia said the drought was the worst since 1954.");
    REQUIRE(find(alone, "Georgia"));
    CHECK(find(alone, "Georgia")->country == "GE");
    // A country with a small US town of its name stays the country in American news.
    auto gr = parse("Officials in Ohio and Texas said the school trip to Greece was cancelled.");
    REQUIRE(find(gr, "Greece"));
    CHECK(find(gr, "Greece")->country == "GR");
}

TEST_CASE("an article whose places are all in one country keeps a namesake there", "[geoparse]") {
    REQUIRE_INDEX();
    // Hershey and Harrisburg have no namesake abroad: the article is American, so Lebanon is the
    // Pennsylvania town, not the country.
    auto pa = parse("Volunteers from Lebanon, Hershey and Harrisburg cleaned the park on Saturday.");
    REQUIRE(find(pa, "Lebanon"));
    CHECK(find(pa, "Lebanon")->country == "US");
    CHECK(find(pa, "Lebanon")->admin1 == "Pennsylvania");
    // Among the Middle East's places, the country.
    auto me = parse("Talks on Lebanon resumed in Cairo, with envoys from Jordan and Israel.");
    REQUIRE(find(me, "Lebanon"));
    CHECK(find(me, "Lebanon")->country == "LB");
}

TEST_CASE("'Washington, D.C.' is one toponym for the city", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Visitors to Washington, D.C., queued at the museum on Sunday.");
    const Toponym* dc = find(ts, "Washington, D.C.");
    REQUIRE(dc);
    CHECK(dc->country == "US");
    CHECK(dc->feature_code == "PPLC");
    CHECK_FALSE(find(ts, "D.C."));
    CHECK_FALSE(find(ts, "Washington"));
    // Other AP state abbreviations still qualify their town and stay a toponym of their own.
    auto la = parse("The fire broke out in Alexandria, La., late on Sunday.");
    CHECK(find(la, "Alexandria"));
    CHECK(find(la, "La."));
}

TEST_CASE("a country's official form is one name for the country", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Officials of the Republic of Armenia met envoys of the Democratic People's Republic of Korea "
                    "and the Islamic Republic of Iran.");
    const Toponym* am = find(ts, "Republic of Armenia");
    REQUIRE(am);
    CHECK(am->country == "AM");
    CHECK_FALSE(find(ts, "Armenia"));
    // The longest official form wins: the north, not "Republic of Korea" (the south) inside it.
    const Toponym* kp = find(ts, "Democratic People's Republic of Korea");
    REQUIRE(kp);
    CHECK(kp->country == "KP");
    CHECK_FALSE(find(ts, "Republic of Korea"));
    REQUIRE(find(ts, "Islamic Republic of Iran"));
    CHECK(find(ts, "Islamic Republic of Iran")->country == "IR");
    auto kr = parse("The Republic of Korea hosted the summit.");
    REQUIRE(find(kr, "Republic of Korea"));
    CHECK(find(kr, "Republic of Korea")->country == "KR");
}

TEST_CASE("a middle initial or a surname particle makes the name after it a surname", "[geoparse]") {
    REQUIRE_INDEX();
    auto initial = parse("Police said Ronald J. Bassett, 41, was held in Leeds. Bassett denied it.");
    CHECK_FALSE(find(initial, "Bassett"));
    CHECK(find(initial, "Leeds"));
    auto particle = parse("Runners-up: 2019 (Sarah de Kock), 2020 (Sarah de Kock) at the track in Dubai.");
    CHECK_FALSE(find(particle, "Kock"));
    CHECK(find(particle, "Dubai"));
    // A town named after a person stays a town where the article named it as a place first.
    auto named = parse("Bassett is a small town in Virginia. It was named after Ronald J. Bassett, a mill owner. "
                       "Bassett has a museum.");
    int towns = 0;
    for (const auto& t : named)
        if (t.text == "Bassett") ++towns;
    CHECK(towns == 2);
    // Compass initials are street directions, not persons' initials.
    auto street = parse("Crews closed N. Bedford Drive in Beverly Hills.");
    CHECK(find(street, "Beverly Hills"));
}

TEST_CASE("a climate phase named like a place is not a place", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Forecasters say La Niña will fade by summer, while El Niño may warm the Pacific Ocean.");
    CHECK_FALSE(find(ts, "Niña"));
    CHECK_FALSE(find(ts, "Niño"));
    CHECK(find(ts, "Pacific Ocean"));
}

TEST_CASE("the speaker after an inverted attribution is a person", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("“The food is the draw,” said Keith. “We open in June,” explained Keith, who moved from Leeds.");
    CHECK_FALSE(find(ts, "Keith"));
    CHECK(find(ts, "Leeds"));
    // A capital after the verb still stands for its government.
    auto cap = parse("The talks are over, said Moscow.");
    CHECK(find(cap, "Moscow"));
}

TEST_CASE("a sea named with 'the' is the sea, not a town of that name", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Forecasters in Miami said the tropical Atlantic was warmer than usual, and storms "
                    "formed early in the eastern Pacific.");
    const Toponym* at = find(ts, "Atlantic");
    REQUIRE(at);
    CHECK(at->feature_code == "OCN");  // not Atlantic, Iowa
    const Toponym* pa = find(ts, "Pacific");
    REQUIRE(pa);
    CHECK(pa->feature_code == "OCN");
    // "the" before a longer name is that name's: the state, not the river.
    auto team = parse("Most of the Mississippi State team flew home to Jackson, Mississippi, on Sunday.");
    for (const auto& t : team)
        if (t.text == "Mississippi") CHECK(t.feature_code != "STM");
}

TEST_CASE("a name that is only another place's alternate yields to the place it names", "[geoparse]") {
    REQUIRE_INDEX();
    // "Venice" is also an old name of Dayton, Ohio; with American context the Italian city still wins.
    auto ts = parse("Officials in Washington welcomed the opinion of the Venice Commission on Tuesday.");
    const Toponym* v = find(ts, "Venice");
    REQUIRE(v);
    CHECK(v->geonameid == 3164603);
}

TEST_CASE("a province known as 'Province of X' is found by X", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Flooding closed roads across Laguna on Sunday, and the Philippines' weather service warned "
                    "Batangas and Quezon City of more rain.");
    const Toponym* l = find(ts, "Laguna");
    REQUIRE(l);
    CHECK(l->country == "PH");
    CHECK(l->feature_code == "ADM2");
    // French forms ("Province du Houet") and a trailing "Province" ("Gnagna Province") as well.
    auto bf = parse("Gunmen attacked a convoy in Houet and a market in Gnagna, Burkina Faso, on Monday.");
    REQUIRE(find(bf, "Houet"));
    CHECK(find(bf, "Houet")->country == "BF");
    REQUIRE(find(bf, "Gnagna"));
    CHECK(find(bf, "Gnagna")->feature_code == "ADM2");
}

TEST_CASE("a local name that only spells a foreign town's alternate is not that town", "[geoparse]") {
    REQUIRE_INDEX();
    // "Shane" is an alternate name of Chaniers (France), "Kale" one of Calais; in reports from Ethiopia
    // and Myanmar they are villages the gazetteer lacks.
    auto et = parse("Militiamen burned houses in Shane village near Dembi Dolo in Oromia, Ethiopia, on Tuesday.");
    CHECK_FALSE(find(et, "Shane"));
    REQUIRE(find(et, "Dembi Dolo"));
    CHECK(find(et, "Dembi Dolo")->country == "ET");
    auto mm = parse("Soldiers detained two men in Kale town in Sagaing region, Myanmar, residents said.");
    CHECK_FALSE(find(mm, "Kale"));
    // The town's own name without its article is that town, whatever the article's other places.
    auto iq = parse("A U.S. Army helicopter from Texas was shot down near Fallujah on Sunday.");
    REQUIRE(find(iq, "Fallujah"));
    CHECK(find(iq, "Fallujah")->country == "IQ");
}

TEST_CASE("every word of a titled name is the person's, and compass words inside names are not regions", "[geoparse]") {
    REQUIRE_INDEX();
    // East Asian names put the family name first: after "lawyer Wang Quanzhang", "Wang" is the man.
    auto ts = parse("Lawyer Wang Quanzhang was jailed in Tianjin. Wang has since been freed.");
    CHECK_FALSE(find(ts, "Wang"));
    REQUIRE(find(ts, "Tianjin"));
    // "South" and "Centre" name regions of Cameroon, but not inside a street's or a hall's name.
    auto street = parse("Police in Chicago arrested a man on South Ingleside Avenue near the Rogers Centre.");
    CHECK_FALSE(find(street, "South"));
    CHECK_FALSE(find(street, "Centre"));
    REQUIRE(find(street, "Chicago"));
    // A common word after "Capitalised of" ends an organisation's name, not a place (Police, Poland).
    auto police = parse("The state Commissioner of Police said officers in Lagos arrested two men.");
    CHECK_FALSE(find(police, "Police"));
    REQUIRE(find(police, "Lagos"));
    // Names that are whole places keep their compass word.
    auto korea = parse("Talks between North Korea and South Sudan's envoys were held in Geneva.");
    CHECK(find(korea, "North Korea"));
    CHECK(find(korea, "South Sudan"));
}

TEST_CASE("a place before a hyphen and a suffix of place is found ('Kyiv-based', 'Iran-backed')", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("A Kyiv-based analyst said Iran-backed militias had shelled a base near Erbil.");
    const Toponym* k = find(ts, "Kyiv");
    REQUIRE(k);
    CHECK(k->country == "UA");
    CHECK(k->end_cp - k->start_cp == 4);  // the name only, not "-based"
    REQUIRE(find(ts, "Iran"));
    // An article opening the sentence is not a given name before the town.
    auto local = parse("A Gainesville-area dealership said sales rose in Florida.");
    REQUIRE(find(local, "Gainesville"));
    CHECK(find(local, "Gainesville")->admin1 == "Florida");
}

TEST_CASE("towns beside the article's other places win over distant namesakes and territories", "[geoparse]") {
    REQUIRE_INDEX();
    // Platte County is in Nebraska: its Columbus and Norfolk, not Ohio's city or Norfolk Island.
    auto ts = parse("Deputies in Platte County said the fire near Columbus spread toward Norfolk overnight.");
    REQUIRE(find(ts, "Columbus"));
    CHECK(find(ts, "Columbus")->admin1 == "Nebraska");
    REQUIRE(find(ts, "Norfolk"));
    CHECK(find(ts, "Norfolk")->country == "US");
    CHECK(find(ts, "Norfolk")->admin1 == "Nebraska");
}

TEST_CASE("adjectives of peoples and faiths are not the small towns named so", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Arab ministers and Christian leaders met in Cairo, near the United Arab Emirates' embassy.");
    CHECK_FALSE(find(ts, "Arab"));
    CHECK_FALSE(find(ts, "Christian"));
    REQUIRE(find(ts, "Cairo"));
    CHECK(find(ts, "United Arab Emirates"));
}

TEST_CASE("a division's word after a name names the place itself ('Ihiala LGA', 'Kale Township')", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Gunmen ambushed a patrol on the road through Ihiala LGA in Anambra State on Monday.");
    const Toponym* t = find(ts, "Ihiala");
    REQUIRE(t);
    CHECK(t->kind == ToponymKind::literal);
    CHECK(t->country == "NG");
}

TEST_CASE("Nguni names with a lower-case prefix letter are names ('eThekwini')", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Students barricaded the street in Umlazi (eThekwini, KwaZulu-Natal) on Friday.");
    const Toponym* t = find(ts, "eThekwini");
    REQUIRE(t);
    CHECK(t->country == "ZA");
}

TEST_CASE("armed groups' names are not the towns GeoNames lists them for", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Taliban fighters and Hamas officials met envoys in Doha on Sunday.");
    CHECK_FALSE(find(ts, "Taliban"));  // an alternate name of a Turkish village
    CHECK_FALSE(find(ts, "Hamas"));    // of Hamm, Germany
    REQUIRE(find(ts, "Doha"));
}

TEST_CASE("ISO alpha-3 codes are not country names ('MDA' is an acronym, not Moldova)", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Gunmen targeted an MDA commander near Raqqa, and the USA condemned the attack.");
    CHECK_FALSE(find(ts, "MDA"));
    REQUIRE(find(ts, "USA"));
    CHECK(find(ts, "USA")->country == "US");
}

TEST_CASE("a lone hamlet far from the article's country is a local name the gazetteer lacks", "[geoparse]") {
    REQUIRE_INDEX();
    // Mapiri is a Bolivian village and the name's only place in the gazetteer.
    auto ng = parse("Police in Lagos detained traders at the Mapiri market in Ikeja, Nigeria, on Monday.");
    CHECK_FALSE(find(ng, "Mapiri"));
    REQUIRE(find(ng, "Ikeja"));
    auto bo = parse("Miners marched in Mapiri, north of La Paz, Bolivia, on Monday.");
    REQUIRE(find(bo, "Mapiri"));
    CHECK(find(bo, "Mapiri")->country == "BO");
}

TEST_CASE("a small capital is no hamlet, wherever the article's other places are", "[geoparse]") {
    REQUIRE_INDEX();
    // Longyearbyen (Svalbard's seat, about 2,400 people) in a report about a war elsewhere.
    auto ts = parse("Residents marched in Longyearbyen on Sunday against the Russian invasion of Ukraine.");
    REQUIRE(find(ts, "Longyearbyen"));
    CHECK(find(ts, "Longyearbyen")->country == "SJ");
}

TEST_CASE("a qualifier that names several regions lets the town's own region decide", "[geoparse]") {
    REQUIRE_INDEX();
    // "San Salvador" is El Salvador's department and a Bahamian district: the capital is in the first.
    auto ts = parse("Relatives of health workers protested in San Salvador, San Salvador, on Friday.");
    REQUIRE(find(ts, "San Salvador"));
    CHECK(find(ts, "San Salvador")->country == "SV");
}

TEST_CASE("a name after a person's surname in the same run is the person's too", "[geoparse]") {
    REQUIRE_INDEX();
    // Mendez is a place somewhere, but here a surname; Pereira (a Colombian city) is the next part of it.
    auto ts = parse("Parents from the Dr. Octavio Mendez Pereira school protested in Panama City on Monday.");
    CHECK_FALSE(find(ts, "Pereira"));
    REQUIRE(find(ts, "Panama City"));
    // A place right after a dropped word that is no surname stays a place ("In China").
    auto cn = parse("In China, the ministry said exports rose.");
    REQUIRE(find(cn, "China"));
}

TEST_CASE("another language's name of a big city yields to the town that bears it as its own", "[geoparse]") {
    REQUIRE_INDEX();
    // "Valence" is French for Valencia; in English news it is Valence, Drome.
    auto ts = parse("Dozens of prison guards blocked the access to the prison of Valence on Monday.");
    REQUIRE(find(ts, "Valence"));
    CHECK(find(ts, "Valence")->country == "FR");
}

TEST_CASE("the Wagner group is never a town, with or without 'group'", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Wagner and Malian forces killed ten people near Mopti on Saturday.");
    CHECK_FALSE(find(ts, "Wagner"));
    REQUIRE(find(ts, "Mopti"));
}

TEST_CASE("a given name alone, as a town in a country the article is not about, is a person", "[geoparse]") {
    REQUIRE_INDEX();
    // David is a Panamanian city; in a report from Boston and New York it is a person.
    auto us = parse("Police in Boston, Massachusetts, questioned residents on Monday. David is a Boston native "
                    "who moved to New York and then to Cambridge, Massachusetts, like many in the United States.");
    CHECK_FALSE(find(us, "David"));
    auto pa = parse("Farmers marched in David, Panama, on Monday.");
    REQUIRE(find(pa, "David"));
    CHECK(find(pa, "David")->country == "PA");
}

TEST_CASE("an ocean's short name is no foreign alternate: 'Atlantic storms' are the ocean's", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Warm water in the North Sea and Atlantic storms battered the coast of Ireland on Monday.");
    REQUIRE(find(ts, "Atlantic"));
    CHECK(find(ts, "Atlantic")->feature_code == "OCN");
}

TEST_CASE("a weekday or month after a name dates the sentence, U.N. is no town", "[geoparse]") {
    REQUIRE_INDEX();
    // AP style: "in Nablus Saturday" is Nablus on Saturday, not a person called Nablus Saturday.
    auto ts = parse("Police in Nablus Saturday said a man was shot near the market.");
    REQUIRE(find(ts, "Nablus"));
    CHECK(find(ts, "Nablus")->country == "PS");
    // "U.N." loses its dots to "un", a town in Gujarat: the United Nations is no place.
    auto un = parse("A French peacekeeper was the 158th U.N. peacekeeper killed in Bosnia.");
    CHECK_FALSE(find(un, "U.N."));
}

TEST_CASE("a country after 'in' and a compass word is the place, even before a verb", "[geoparse]") {
    REQUIRE_INDEX();
    // "Ethiopia have" would read as the government acting; "in eastern Ethiopia" makes it the place.
    auto ts = parse("Nine engineers kidnapped in eastern Ethiopia have been freed, officials said.");
    REQUIRE(find(ts, "Ethiopia"));
    CHECK(find(ts, "Ethiopia")->kind == ToponymKind::literal);
}

TEST_CASE("'the Idlib countryside', 'the Rafah area' name the town's own surroundings", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("Jets struck targets in the Idlib countryside on Sunday.");
    REQUIRE(find(ts, "Idlib"));
    CHECK(find(ts, "Idlib")->kind == ToponymKind::literal);
    // A town's name before any other noun still only labels it: "the Moscow government".
    auto gov = parse("Critics of the Moscow government gathered on Sunday.");
    REQUIRE(find(gov, "Moscow"));
    CHECK(find(gov, "Moscow")->kind != ToponymKind::literal);
}

TEST_CASE("an Arabic name keeps its article inside: 'Deir ez-Zor', and 'the Jenin refugee camp' is Jenin", "[geoparse]") {
    REQUIRE_INDEX();
    auto ts = parse("A drone attacked a base near Deir ez-Zor today.");
    REQUIRE(find(ts, "Deir ez-Zor"));
    CHECK(find(ts, "Deir ez-Zor")->country == "SY");
    auto camp = parse("Troops entered the Jenin refugee camp at dawn.");
    REQUIRE(find(camp, "Jenin"));
    CHECK(find(camp, "Jenin")->kind == ToponymKind::literal);
}

TEST_CASE("an aside in parentheses between a name and its qualifier: 'Hays (exact spot unknown) (Al Hudaydah)'", "[geoparse]") {
    REQUIRE_INDEX();
    // Hays, Kansas is the larger namesake; the region after the aside is the qualifier.
    auto ts = parse("Gunmen fired on a checkpoint in Hays (exact spot unknown) (Al Hudaydah) overnight.");
    REQUIRE(find(ts, "Hays"));
    CHECK(find(ts, "Hays")->country == "YE");
    // Without a qualifier after it, the aside changes nothing.
    auto us = parse("Storms hit Hays (the county seat) on Friday and closed schools across western Kansas.");
    REQUIRE(find(us, "Hays"));
    CHECK(find(us, "Hays")->country == "US");
}

TEST_CASE("a town whose every reading lies outside its qualifier's country is a local name the gazetteer lacks", "[geoparse]") {
    REQUIRE_INDEX();
    // The gazetteer's Karama is in Australia (and elsewhere), none in Syria: the region stands for it.
    auto ts = parse("A mine blast wounded a farmer outside Karama village in Raqqa countryside on Monday.");
    CHECK_FALSE(find(ts, "Karama"));
    REQUIRE(find(ts, "Raqqa"));
    CHECK(find(ts, "Raqqa")->country == "SY");
    auto comma = parse("Floods cut the road to Surat, Queensland, for a week.");
    CHECK_FALSE(find(comma, "Surat"));
    REQUIRE(find(comma, "Queensland"));
    // A reading in the qualifier's country stays; so does a town before a possessive (no qualifier)
    // and one in a list.
    auto india = parse("Officials in Surat, Gujarat, counted the damage on Monday.");
    REQUIRE(find(india, "Surat"));
    CHECK(find(india, "Surat")->country == "IN");
    auto apposition = parse("Thousands rallied in Lubumbashi, Zaire's second city, on Sunday.");
    REQUIRE(find(apposition, "Lubumbashi"));
    CHECK(find(apposition, "Lubumbashi")->country == "CD");
    auto list = parse("Workers left for Dubai, Saudi Arabia, Kuwait and Qatar.");
    REQUIRE(find(list, "Dubai"));
    CHECK(find(list, "Dubai")->country == "AE");
}

TEST_CASE("the districts in parentheses after a town judge it: 'Lopa (Djugu, Ituri)' is no French town", "[geoparse]") {
    REQUIRE_INDEX();
    // The gazetteer reaches "Lopa" only in France; the district list puts it in Congo.
    auto ts = parse("Police patrolled Lopa (Djugu, Ituri) on Friday.");
    CHECK_FALSE(find(ts, "Lopa"));
    REQUIRE(find(ts, "Ituri"));
    // A district alone qualifies too.
    auto one = parse("Shells fell on farms in Barh (Maqbanah) overnight.");
    CHECK_FALSE(find(one, "Barh"));
    REQUIRE(find(one, "Maqbanah"));
    // A parenthesis that is no list of places says nothing of the town.
    auto aside = parse("Belo Horizonte (Portuguese for Beautiful Horizon) is a large city.");
    REQUIRE(find(aside, "Belo Horizonte"));
    CHECK(find(aside, "Belo Horizonte")->country == "BR");
}

TEST_CASE("a name's closing 'ayn and the front's words keep 'X town in Region' a qualifier", "[geoparse]") {
    REQUIRE_INDEX();
    // "Izra'": the apostrophe after the name no longer hides "town in Dara" (Izra in Jordan is larger).
    auto ts = parse("Farmers from Izra' town in Dara countryside blocked the road on Tuesday.");
    REQUIRE(find(ts, "Izra"));
    CHECK(find(ts, "Izra")->country == "SY");
    // "Mare' axis in Aleppo countryside" is the Syrian town, not Male in the Maldives.
    auto axis = parse("Rebels shelled Mare' axis in Aleppo countryside with rockets.");
    REQUIRE(find(axis, "Mare"));
    CHECK(find(axis, "Mare")->country == "SY");
}

TEST_CASE("a facility named after a town lies in the place after 'in': 'Henderson police station in Honiara'", "[geoparse]") {
    REQUIRE_INDEX();
    // The gazetteer's Hendersons are American: the station's name is no place in the Solomon Islands.
    auto ts = parse("The detainee was held overnight at Henderson police station in Honiara, his lawyer said.");
    CHECK_FALSE(find(ts, "Henderson"));
    REQUIRE(find(ts, "Honiara"));
    // A reading in that place's country stays, and the region after "in" still qualifies it.
    auto us = parse("Voters queued outside Springfield police station in Massachusetts on Monday.");
    REQUIRE(find(us, "Springfield"));
    CHECK(find(us, "Springfield")->admin1 == "Massachusetts");
}

TEST_CASE("an acronym reached only by an alternate, abroad from the article's places, is no place: '(SNA)'", "[geoparse]") {
    REQUIRE_INDEX();
    // "SNA" is an alternate of Sanaa; beside a Somali town and region it is the army's acronym.
    auto ts = parse("A soldier of the national army (SNA) was killed in Afgooye (Lower Shabelle) on Sunday.");
    CHECK_FALSE(find(ts, "SNA"));
    REQUIRE(find(ts, "Afgooye"));
    // An acronym of the article's own country stays.
    auto us = parse("Traffic in NYC slowed as snow fell across New Jersey and Connecticut.");
    REQUIRE(find(us, "NYC"));
    CHECK(find(us, "NYC")->country == "US");
}

TEST_CASE("a district qualifies a town as a region does: 'Bane, Boulgou' is no Iranian town", "[geoparse]") {
    REQUIRE_INDEX();
    // The gazetteer reaches "Bane" only as Baneh in Iran; Boulgou is a province (ADM2) of Burkina Faso.
    auto ts = parse("Traders in Bane, Boulgou, closed the market after the attack.");
    CHECK_FALSE(find(ts, "Bane"));
    REQUIRE(find(ts, "Boulgou"));
    CHECK(find(ts, "Boulgou")->country == "BF");
    auto yagha = parse("Police counted the damage in Solhan, Yagha, on Sunday.");
    CHECK_FALSE(find(yagha, "Solhan"));
}

TEST_CASE("a name before tribe or clan names a people not a place", "[geoparse]") {
    REQUIRE_INDEX();
    // "Medi" is an alternate of a French town; here it is the people of the Medi tribe.
    auto ts = parse("Youths of Medi tribe attacked farmers near Adjumani on Sunday.");
    CHECK_FALSE(find(ts, "Medi"));
    REQUIRE(find(ts, "Adjumani"));
    auto clan = parse("Fighters of the Marehan clan clashed with police in Beledweyne.");
    CHECK_FALSE(find(clan, "Marehan"));
    REQUIRE(find(clan, "Beledweyne"));
}

TEST_CASE("a town's name that goes on after the Arabic article al is part of a longer name", "[geoparse]") {
    REQUIRE_INDEX();
    // "Wadi" alone is a town in India; "Wadi al Hinnayah" is a valley the gazetteer does not have.
    auto ts = parse("Shells fell on camps in Wadi al Hinnayah (Al Maafer, Taizz) on Friday.");
    CHECK_FALSE(find(ts, "Wadi"));
    REQUIRE(find(ts, "Taizz"));
    // "Kyiv and Kharkiv" stay two places.
    auto list = parse("Drones struck Kyiv and Kharkiv overnight.");
    CHECK(find(list, "Kyiv"));
    CHECK(find(list, "Kharkiv"));
}
