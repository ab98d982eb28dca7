"""Places in text: spellings, "near", oblasts, regions, homonyms, and the words that are not places.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.extract.places import PlaceMatch, find_places, resolve_places


def only(text: str, surface: str) -> PlaceMatch:
    found = [m for m in find_places(text) if m.text == surface]
    assert len(found) == 1, [m.text for m in find_places(text)]
    return found[0]


def surfaces(text: str) -> list[str]:
    return [m.text for m in find_places(text)]


def test_kyiv_and_kiev_are_one_place() -> None:
    new = only("Air raid sirens sounded across Kyiv at dawn.", "Kyiv").location
    old = only("Air raid sirens sounded across Kiev at dawn.", "Kiev").location
    assert new == old
    assert (new.name, new.admin1, new.precision, new.near) == ("Kyiv", "Kyiv City", 1, False)


def test_odesa_and_odessa_are_one_place() -> None:
    new = only("A drone fell on a warehouse in Odesa overnight.", "Odesa").location
    old = only("A drone fell on a warehouse in Odessa overnight.", "Odessa").location
    assert new == old and new.admin1 == "Odesa Oblast" and new.gazetteer_id == "geonames:698740"


def test_near_kyiv_is_kyiv_oblast_precision_2() -> None:
    match = only("A missile killed a farmer and his wife near Kyiv on Sunday.", "Kyiv")
    assert match.kind == "place"
    assert (match.location.name, match.location.admin1) == ("Kyiv", "Kyiv Oblast")
    assert (match.location.precision, match.location.near) == (2, True)


def test_outskirts_forms_are_near() -> None:
    for text, surface in (("Debris landed on the outskirts of Kharkiv.", "Kharkiv"),
                          ("Debris landed in Kharkiv's outskirts.", "Kharkiv"),
                          ("A depot 15 km from Melitopol burned.", "Melitopol")):
        location = only(text, surface).location
        assert (location.near, location.precision, location.admin1) == (True, 2, location.admin1), text
        assert location.admin1 in {"Kharkiv Oblast", "Zaporizhzhia Oblast"}


def test_the_kharkiv_region_is_the_oblast() -> None:
    match = only("Two villages in the Kharkiv region lost power after the strike.", "Kharkiv region")
    assert match.kind == "oblast"
    assert (match.location.admin1, match.location.precision) == ("Kharkiv Oblast", 4)
    assert match.location.gazetteer_id == "oblast:UA.07"
    city = only("Two villages near the Kharkiv ring road lost power.", "Kharkiv")
    assert city.kind == "place" and city.location.admin1 == "Kharkiv Oblast"


def test_a_list_before_regions_is_all_oblasts() -> None:
    matches = find_places("Shelling was reported in the Sumy, Chernihiv and Poltava regions on Friday.")
    assert [(m.text, m.kind) for m in matches] == [("Sumy", "oblast"), ("Chernihiv", "oblast"),
                                                    ("Poltava regions", "oblast")]
    assert [m.location.admin1 for m in matches] == ["Sumy Oblast", "Chernihiv Oblast", "Poltava Oblast"]


def test_black_sea_port_of_pivdennyi_is_in_odesa_oblast() -> None:
    matches = find_places("Drones damaged a grain terminal in the Black Sea port of Pivdennyi.")
    assert [m.text for m in matches] == ["Pivdennyi"]
    location = matches[0].location
    assert (location.name, location.admin1, location.precision) == ("Pivdenne", "Odesa Oblast", 1)


def test_southern_city_of_is_the_place_itself() -> None:
    location = only("Rockets hit the southern city of Mykolaiv before noon.", "Mykolaiv").location
    assert (location.admin1, location.precision, location.near) == ("Mykolaiv Oblast", 1, False)


def test_russian_transliterations() -> None:
    found = {m.text: m.location for m in find_places("Fires broke out in Energodar, Nikolaev and Zaporozhye.")}
    assert found["Energodar"].name == "Enerhodar"
    assert found["Nikolaev"].name == "Mykolaiv"
    assert found["Zaporozhye"].admin1 == "Zaporizhzhia Oblast"


def test_common_word_village_not_matched_in_lowercase_prose() -> None:
    assert surfaces("The bucha of volunteers handed out bread and a smile to everyone in the square.") == []
    assert surfaces("Volunteers from Bucha handed out bread.") == ["Bucha"]


def test_english_words_that_name_villages_are_not_places() -> None:
    assert surfaces("Smile, said the photographer, and Victory followed Peace in the parade.") == []
    assert surfaces("Pesky drones buzzed over the fields.") == []


def test_small_place_needs_a_place_cue() -> None:
    assert surfaces("Kalanchak residents said the ferry was back.") == ["Kalanchak"]
    bare = [m for m in find_places("Opytne said nothing.") if m.text == "Opytne"]
    cued = [m for m in find_places("Fighting raged in Opytne all week.") if m.text == "Opytne"]
    assert bare == [] and len(cued) == 1 and cued[0].location.admin1 == "Donetsk Oblast"


def test_homonyms_follow_the_oblast_named_in_the_text() -> None:
    text = "The village of Oleksandrivka in the Kherson region was shelled for a third day."
    match = only(text, "Oleksandrivka")
    assert match.location.admin1 == "Kherson Oblast"
    assert len(match.candidates) > 1
    other = only("The village of Oleksandrivka near Kropyvnytskyi was shelled.", "Oleksandrivka")
    assert other.location.admin1 == "Kirovohrad Oblast"


def test_resolve_places_uses_the_article_oblasts() -> None:
    match = only("Shells fell on Oleksandrivka at night.", "Oleksandrivka")
    default = match.location
    resolved = resolve_places([match], article_admin1=["Odeska oblast"])[0]
    assert resolved.location.admin1 == "Odesa Oblast"
    assert resolved.location.gazetteer_id != default.gazetteer_id
    assert resolve_places([match])[0].location == default


def test_russian_place_has_country_ru() -> None:
    city = only("Explosions were heard in Belgorod overnight.", "Belgorod").location
    assert (city.country, city.admin1, city.precision) == ("RU", "Belgorod Oblast", 1)
    oblast = only("A border village in the Belgorod region was evacuated.", "Belgorod region").location
    assert (oblast.country, oblast.precision, oblast.gazetteer_id) == ("RU", 4, "oblast:RU.09")


def test_donbas_is_a_region_and_ukraine_a_country() -> None:
    text = "Heavy fighting continued in Donbas, eastern Ukraine, and across Ukraine."
    matches = {m.text: m for m in find_places(text)}
    donbas = matches["Donbas"]
    assert (donbas.kind, donbas.location.precision, donbas.location.admin1) == ("region", 5, None)
    assert matches["eastern Ukraine"].location.precision == 5
    country = matches["Ukraine"]
    assert (country.kind, country.location.precision, country.location.gazetteer_id) == ("country", 6, "country:UA")


def test_standalone_oblast_names() -> None:
    assert only("Partisans were active in Crimea.", "Crimea").location.admin1 == "Autonomous Republic of Crimea"
    assert only("Shelling hit towns of the DPR.", "DPR").location.admin1 == "Donetsk Oblast"


def test_rivers_media_and_fleet_are_not_places() -> None:
    assert surfaces("Boats crossed the Dnipro at night.") == []
    assert surfaces("The Kyiv Independent reported it first.") == []
    assert surfaces("A Black Sea Fleet ship was hit.") == []
    assert surfaces("The ship sank in the Black Sea.") == ["Black Sea"]


def test_front_direction_and_district() -> None:
    front = only("Assaults continued on the Bakhmut direction.", "Bakhmut").location
    assert (front.precision, front.near, front.admin1) == (5, True, "Donetsk Oblast")
    district = only("Shelling hit the Nikopol district overnight.", "Nikopol").location
    assert district.precision == 3


def test_capital_speaking_for_a_government_is_not_a_place() -> None:
    assert surfaces("Kyiv said the talks had stalled.") == []
    assert surfaces("Moscow's forces pulled back.") == []
    assert surfaces("Moscow’s full-scale invasion began in February.") == []
    assert surfaces("Moscow was quiet.") == ["Moscow"]


def test_names_of_people_and_foreign_cities_are_not_places() -> None:
    assert surfaces("Vladimir Putin met the press in Paris.") == []
    assert surfaces("Anna Ivanova wrote from Kaliningrad.") == []


def test_a_big_city_is_not_swapped_for_a_namesake_in_a_context_oblast() -> None:
    found = {m.text: m.location for m in find_places("Refugees from Mykolaiv reached Lviv by train.")}
    assert found["Mykolaiv"].admin1 == "Mykolaiv Oblast"


def test_longest_name_wins() -> None:
    assert surfaces("The dam at Nova Kakhovka was breached.") == ["Nova Kakhovka"]


WORDS = ["near", "Kyiv", "Kiev", "the", "Kharkiv", "region", "of", "Odesa's", "outskirts", "Pokrovs'k", "and",
         "Donbas", "in", "bucha", "Bucha", "DPR", ",", "Zaporizhzhia", "oblasts", "Ukraine", "—", "Kyïv", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from([" ", "  ", "-", ", "]))
def test_offsets_always_index_the_input(words: list[str], glue: str) -> None:
    text = glue.join(words)
    previous_end = 0
    for match in find_places(text):
        assert text[match.start:match.end] == match.text
        assert match.start >= previous_end
        previous_end = match.end


def test_near_the_city_of_is_near_and_hit_the_city_of_is_the_place() -> None:
    near = only("Drones were downed near the southern city of Mykolaiv.", "Mykolaiv").location
    hit = only("Drones hammered the southern city of Mykolaiv.", "Mykolaiv").location
    assert (near.near, near.precision) == (True, 2)
    assert (hit.near, hit.precision) == (False, 1)
    assert only("A depot 12km north of Melitopol burned.", "Melitopol").location.near


def test_people_s_republics_after_a_list_are_oblasts() -> None:
    matches = find_places("Moscow recognised the Donetsk and Luhansk People's Republics that week.")
    assert [(m.text, m.location.admin1) for m in matches if m.kind == "oblast"] == [
        ("Donetsk", "Donetsk Oblast"), ("Luhansk People's Republics", "Luhansk Oblast")]


def test_part_of_a_longer_unknown_name_is_not_a_place() -> None:
    assert surfaces("Fighters regrouped near Kara-Balta and Ain Issa.") == []


def test_small_place_cued_by_what_happened_to_it() -> None:
    assert surfaces("Opytne was shelled again at dawn.") == ["Opytne"]
    assert surfaces("Opytne said nothing.") == []


def test_title_case_headline_keeps_a_small_town() -> None:
    assert surfaces("Russian Drones Strike Kalanchak Overnight\nThe ferry stopped.") == ["Kalanchak"]


def test_a_city_section_named_with_its_city_is_the_city_and_a_namesake_elsewhere_is_not_the_village() -> None:
    assert [m.location.name for m in find_places("Shells hit the Kirovsky district of Donetsk on Sunday.")] == [
        "Donetsk"]
    placed = find_places("A drone hit a house in the village of Zhuravlevka of the Belgorod District overnight.")
    assert [m.location.admin1 for m in placed] == ["Belgorod Oblast"]
    placed = find_places("A drone hit a garage in the village of Dubovoye on the southern edge of Belgorod.")
    assert [m.location.name for m in placed] == ["Belgorod"]


def test_a_first_name_after_a_title_is_no_place_and_a_governor_of_a_region_speaks_for_it() -> None:
    assert surfaces("Kherson Oblast Governor Yaroslav Yanushevych spoke of one person dead.") == ["Kherson Oblast"]
    region = only("Valentyn Reznichenko, governor of the Dnipropetrovsk region, said rockets landed.",
                  "Dnipropetrovsk region")
    assert region.speaker


def test_a_reservoir_named_after_a_town_and_a_capital_arms_are_supplied_to_are_no_places() -> None:
    assert surfaces("Artillery firing from across the former Kakhovka reservoir shelled Nikopol.") == ["Nikopol"]
    assert surfaces("The shells were of the kind supplied to Kyiv by NATO countries.") == []


def test_a_capital_that_backs_appoints_or_hosts_speakers_is_no_place() -> None:
    assert "Moscow" not in surfaces("An official of the Moscow-backed administration said a shell hit a school.")
    assert "Moscow" not in surfaces("Moscow's appointee in the town says a drone hit a house.")
    assert "Kyiv" not in surfaces("Strikes on substations are what officials in Kyiv describe as a campaign.")
    assert "Kyiv" in surfaces("A drone hit a house in Kyiv overnight.")


def test_where_fire_came_from_is_never_where_it_landed() -> None:
    match = only("The market was hit by shells fired from the direction of Kurakhove, he said.", "Kurakhove")
    assert match.origin
    assert not only("Shells hit the market in Kurakhove on Saturday.", "Kurakhove").origin


def test_a_village_named_as_such_after_a_comma_is_a_place() -> None:
    assert "Lysivka" in surfaces("Its troops had taken control of Lysivka, a village in the east.")


def test_a_town_the_wounded_are_in_hospital_in_is_no_place() -> None:
    assert "Chernihiv" not in surfaces("A boy and his mother are in hospital in Chernihiv, officials said.")


def test_where_a_person_comes_from_and_a_body_named_for_a_place_are_not_where_it_happened() -> None:
    assert only("A second volunteer, a woman from Kramatorsk, was wounded in Lyman.", "Kramatorsk").origin
    assert not only("A second volunteer, a woman from Kramatorsk, was wounded in Lyman.", "Lyman").origin
    assert surfaces("The charity he worked for, Khlib Donbasu (Bread for Donbas), said.") == []
    assert surfaces("Volunteers of Razom for Ukraine said drones headed for Kyiv.") == ["Kyiv"]


def test_a_capital_that_strikes_a_named_place_is_its_government() -> None:
    assert surfaces("Kiev strikes Belgorod city centre with rockets, killing two") == ["Belgorod"]
    assert surfaces("Kyiv hit by missiles overnight") == ["Kyiv"]


def test_a_landmark_and_a_regions_head_are_not_where_it_happened() -> None:
    facing = only("The town, on the left bank opposite Kherson city, was shelled 30 times.", "Kherson")
    assert facing.origin
    assert only("LPR head Leonid Pasechnik said the market was hit.", "LPR").speaker


def test_a_town_on_the_edge_of_a_city_that_is_a_region_is_in_the_region_around_it() -> None:
    found = only("Missiles hit a plant in Vyshneve, on the southwestern edge of Kyiv, on Thursday.", "Vyshneve")
    assert found.location.admin1 == "Kyiv Oblast"


def test_where_people_were_leaving_or_coming_from_is_not_where_it_happened() -> None:
    assert only("Crowds waited for trains out of the Donbas, officials said.", "Donbas").origin
    assert only("The car was travelling to the city from the village of Terpinnya when it was hit.", "Terpinnya").origin
    assert surfaces("Her son was taken to the regional children's hospital in Sumy.") == []


def test_a_regional_centre_before_villages_is_the_region() -> None:
    found = only("Drone hits car in Kursk border village, governor says", "Kursk")
    assert (found.kind, found.location.admin1) == ("oblast", "Kursk Oblast")


def test_a_towns_district_the_gazetteer_holds_as_a_place_is_the_town() -> None:
    assert surfaces("Shells hit the Kuibyshevsky district of Donetsk on Monday.")[-1:] == ["Donetsk"]
    assert [m.location.name for m in find_places("A shop in Donetsk's Petrovsky district burned.")] == ["Donetsk"]
    assert [m.location.name for m in find_places("Forces shelled the Petrovsky district of Donetsk.")] == ["Donetsk"]


def test_a_government_a_group_of_forces_and_an_unknown_village_are_not_places() -> None:
    assert surfaces("The Kiev regime has once again struck at civilians.") == []
    assert surfaces("Units of its Dnepr group took the village.") == []
    assert surfaces("Artillery shelled the village of Novye Yurkovichi overnight.") == []
    assert surfaces("Sloviansk Mayor Vadym Lyakh said shells hit Lyman Friday.") == ["Sloviansk", "Lyman"]
