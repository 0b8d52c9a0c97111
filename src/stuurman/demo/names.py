"""Name lists for generated demo people: common in the Netherlands, old and new, Dutch and not.

Surnames carry their voorvoegsel apart (``("van den", "Berg")``), as the BRP and our Person model do.
"""

# fmt: off
FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Emma", "Julia", "Sophie", "Tess", "Sara", "Lotte", "Eva", "Noor", "Fenna", "Mila", "Nora",
    "Saar", "Lieke", "Femke", "Iris", "Anouk", "Sanne", "Lisa", "Linda", "Marloes", "Esther", "Ingrid",
    "Monique", "Petra", "Karin", "Marja", "Annemiek", "Wilma", "Gerda", "Truus", "Riet", "Corrie", "Joke",
    "Ans", "Hennie", "Mieke", "Yvonne", "Ilse", "Maaike", "Fatima", "Samira", "Naima", "Yasmina",
    "Aylin", "Elif", "Zeynep", "Ayşe", "Priya", "Shanti", "Joanna", "Agnieszka", "Olena", "Maryam",
    "Amal", "Rahwa", "Chantal", "Sharon", "Gloria", "Dewi",
)

MALE_FIRST_NAMES: tuple[str, ...] = (
    "Daan", "Sem", "Lucas", "Levi", "Finn", "Noah", "Luuk", "Bram", "Milan", "Thijs", "Jesse", "Ruben",
    "Tim", "Sven", "Thomas", "Jeroen", "Mark", "Erik", "Peter", "Hans", "Jan", "Kees", "Henk", "Gerrit",
    "Wim", "Cor", "Bert", "Frank", "Marcel", "Dennis", "Patrick", "Rob", "Martijn", "Niels", "Joost",
    "Wouter", "Mohammed", "Ahmed", "Youssef", "Omar", "Mehmet", "Mustafa", "Emre", "Burak", "Ravi",
    "Sanjay", "Piotr", "Tomasz", "Andriy", "Dawit", "Yonas", "Rachid", "Kevin", "Romano", "Stefan",
    "Koen", "Gijs", "Teun", "Hamza", "Arjen",
)

SURNAMES: tuple[tuple[str, str], ...] = (
    ("de", "Jong"), ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
    ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"),
    ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"), ("van", "Leeuwen"),
    ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"),
    ("van der", "Meer"), ("van der", "Linden"), ("", "Kok"), ("", "Jacobs"), ("de", "Haan"),
    ("", "Vermeulen"), ("van den", "Heuvel"), ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"),
    ("de", "Bruin"), ("van der", "Heijden"), ("", "Schouten"), ("van", "Beek"), ("", "Willems"),
    ("van", "Vliet"), ("van de", "Ven"), ("", "Hoekstra"), ("", "Maas"), ("", "Verhoeven"), ("", "Koster"),
    ("van", "Dam"), ("van der", "Wal"), ("", "Prins"), ("", "Blom"), ("", "Huisman"), ("", "Yilmaz"),
    ("", "Kaya"), ("", "Demir"), ("", "Şahin"), ("El", "Amrani"), ("", "Bouzid"), ("", "Benali"),
    ("El", "Idrissi"), ("", "Tahiri"), ("", "Ramdin"), ("", "Sewnath"), ("", "Kowalski"), ("", "Nowak"),
    ("", "Tesfaye"), ("", "Haile"), ("", "Martina"), ("", "Pinas"), ("", "Nguyen"),
)
# fmt: on


def display_surname(prefix: str, surname: str) -> str:
    """The surname as it stands without a first name before it: the voorvoegsel gets a capital."""
    if not prefix:
        return surname
    return f"{prefix[0].upper()}{prefix[1:]} {surname}"
