"""Whole articles, written for these tests: area summaries, history dated to an earlier month, the day something was
said, a chain of follow-up sentences, a follow-up that names another place, and the wording of injuries."""

from __future__ import annotations

from tests.extract.test_incidents import article, incidents_of
from warledger.records import Count


def by_place(text: str, published: str = "2025-11-13") -> dict[str | None, object]:
    return {(i.location.name if i.location else None): i for i in incidents_of(text, published)}


def test_an_area_summary_stands_only_where_no_event_is_reported_one_by_one() -> None:
    found = by_place(article(
        "A Russian drone hit a car in Okhtyrka on Wednesday afternoon, injuring two people, the governor said.",
        "Altogether, Russian forces carried out 41 attacks on 11 hromadas of Sumy Oblast over the past day.",
        "Over the past day, Russian forces attacked 38 settlements in Kherson Oblast, injuring nine people.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ))
    assert set(found) == {"Okhtyrka", "Kherson Oblast"}, found
    assert found["Okhtyrka"].injured == Count(2, 2, "exact")


def test_air_defence_tallies_and_several_regions_are_summaries() -> None:
    found = by_place(article(
        "A drone struck a lorry in the town of Klintsy late on Wednesday, injuring the driver, the governor said.",
        "Russia's defence ministry said air defences had shot down 112 drones overnight, 46 of them over the "
        "Bryansk region.",
        "Ukrainian drones attacked five Russian regions overnight, officials said.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ))
    assert list(found) == ["Klintsy"], found


def test_an_earlier_month_in_an_article_is_history_and_adds_no_toll() -> None:
    found = incidents_of(article(
        "A Russian missile hit an office building in Dnipro on Tuesday, killing 17 people, the governor said.",
        "In January a Russian missile destroyed part of an apartment block in the city, killing 46 people.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ))
    assert [(i.location.name, i.killed) for i in found] == [("Dnipro", Count(17, 17, "exact"))]


def test_the_day_something_was_said_does_not_date_the_event() -> None:
    found = incidents_of(article(
        "The death toll from a Russian missile strike on Dnipro has risen to 17, officials said on Wednesday.",
        "The missile hit an office building at about 10am on Tuesday.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2025-11-13")
    assert [(i.location.name, i.date) for i in found] == [("Dnipro", "2025-11-11")]


def test_follow_ups_chain_back_to_the_event_and_stop_at_another_place() -> None:
    found = by_place(article(
        "Russian forces shelled Nikopol on Wednesday, wounding two people, the governor said.",
        "By the evening he had reported a third person wounded.",
        "Rescuers worked through the night.",
        "The shelling also damaged a school, he wrote on Telegram.",
        "A further 4 people were injured in the town, he said later.",
        "In Marhanets, people were not hurt.",
    ))
    assert found["Nikopol"].injured == Count(4, 4, "exact")
    assert found["Nikopol"].killed is None, "Marhanets's zero is not Nikopol's"


def test_injuries_worded_as_wounds_hospital_and_people_named_one_by_one() -> None:
    found = by_place(article(
        "A drone hit a minibus in Shebekino on Wednesday morning. Two passengers suffered shrapnel wounds.",
        "A drone struck a petrol station in Klintsy late on Wednesday. The driver was killed and two other "
        "people were taken to hospital with injuries.",
        "A drone hit a car on the outskirts of Rylsk on Wednesday, wounding a man and a woman.",
        "A drone attack set a warehouse on fire in Izmail on Wednesday. Nobody was killed or injured.",
    ))
    regions = {i.location.admin1: i for i in found.values()}  # GeoNames spells Rylsk "Ryl'sk"
    assert regions["Belgorod Oblast"].injured == Count(2, 2, "exact")
    klintsy = regions["Bryansk Oblast"]
    assert (klintsy.killed, klintsy.injured) == (Count(1, 1, "exact"), Count(2, 2, "exact"))
    assert regions["Kursk Oblast"].injured == Count(2, 2, "exact")
    izmail = regions["Odesa Oblast"]
    assert (izmail.killed, izmail.injured) == (Count(0, 0, "exact"), Count(0, 0, "exact"))


def test_a_list_of_towns_sums_up_a_day_but_towns_that_locate_one_do_not() -> None:
    found = by_place(article(
        "According to him, Russian aircraft launched 11 air strikes on Stepnohirsk, Prymorske and Huliaipole on "
        "Wednesday.",
        "In Stepnohirsk, a drone hit a car on Wednesday evening, killing a 44-year-old woman.",
        "Russia's defence ministry said on Wednesday its troops had taken control of the town of Hirnyk, between "
        "Selydove and Kurakhove.",
        "Two women, aged 61 and 70, were injured when a guided bomb struck Huliaipole on Wednesday.",
    ))
    assert set(found) == {"Stepnohirsk", "Hirnyk", "Huliaipole"}, found
    assert found["Stepnohirsk"].killed == Count(1, 1, "exact")
    assert found["Huliaipole"].injured == Count(2, 2, "exact")


def test_a_live_page_heading_restates_its_entry() -> None:
    found = incidents_of(article(
        "This live page is now closed.",
        "13 Nov 2025 - 12:40 GMT",
        "Drone attack kills driver in Russia's Belgorod region",
        "A Ukrainian drone struck a car in the border town of Shebekino on Wednesday morning, killing the driver, "
        "the governor said.",
        "Firing counted by the day: Ukrainian forces opened fire on the territory 47 times over the past day, the "
        "separatist mission said.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ))
    assert [(i.location.name, i.killed) for i in found] == [("Shebekino", Count(1, 1, "exact"))]


def test_towns_of_russian_regions_far_from_the_front() -> None:
    found = incidents_of(article(
        "Debris from a drone shot down over the city of Engels damaged a house and injured a woman on Wednesday, "
        "the governor said.",
        "Ukrainian drones attacked an oil refinery in Ryazan overnight, starting a fire, officials said.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ))
    assert {(i.location.name, i.location.admin1) for i in found} == {
        ("Engels", "Saratov Oblast"), ("Ryazan'", "Ryazan Oblast")}


def test_a_headline_with_the_final_toll_joins_the_body_whose_toll_rose() -> None:
    found = incidents_of(
        "Russian glide bomb kills three in Kharkiv\n\n"
        "A glide bomb struck a residential neighbourhood in Kharkiv on Wednesday morning, killing two people and "
        "wounding 11, the governor said.\n\nBy the evening the death toll in Kharkiv had risen to three, he said.\n\n"
        "Rescuers worked through the night.\n\nTalks on a ceasefire are due to resume next month in Geneva.")
    assert [(i.location.name, i.killed) for i in found] == [("Kharkiv", Count(3, 3, "exact"))]


def test_older_events_a_hospital_and_clashes_along_the_front_open_no_incident() -> None:
    found = incidents_of(article(
        "A drone hit a car in Bilozerka on Wednesday, wounding a boy, the governor said.",
        "The boy was taken to a hospital in Kherson, where his condition is stable.",
        "The deadliest strike on the region so far hit the city centre on 30 December 2024, killing 25 people.",
        "The General Staff said 163 combat clashes had taken place along the front over the past day, with the "
        "heaviest fighting on the Pokrovsk front.",
    ))
    assert [(i.location.name, i.injured) for i in found] == [("Bilozerka", Count(1, 1, "exact"))]


def test_a_regions_day_a_speakers_region_and_shot_down_drones_are_not_new_events() -> None:
    found = incidents_of(article(
        "A Russian missile hit a five-storey building in Kryvyi Rih on Wednesday, killing three people, the mayor "
        "said. At least 53 people were wounded, the Dnipropetrovsk regional military administration wrote.",
        "A drone hit a bus in Kherson on Wednesday, wounding two passengers. Across the Kherson region, Russian "
        "attacks killed three people and wounded 16 over the past day, the regional administration said.",
        "The mayor said 19 drones heading for the capital had been shot down since midnight.",
        "In most wars, for every soldier killed, three or four are wounded.",
    ))
    assert [(i.location.name, i.killed, i.injured) for i in found] == [
        ("Kryvyi Rih", Count(3, 3, "exact"), Count(53, None, "at least")), ("Kherson", None, Count(2, 2, "exact"))]


def test_a_live_page_updates_a_toll_and_sums_up_the_region_without_adding_to_it() -> None:
    found = incidents_of(article(
        "14:32 The governor has updated the toll from this morning's strike on Kostiantynivka. Two people are now "
        "confirmed dead and four injured, he says.",
        "13:10 In total, Russian attacks killed three people and injured 11 in the Donetsk region over the past 24 "
        "hours, the governor says.",
        "11:47 A Russian glide bomb hit the central market in Kostiantynivka shortly after 9am, killing one person, "
        "the governor says.",
    ))
    assert [(i.location.name, i.killed, i.injured) for i in found] == [
        ("Kostiantynivka", Count(2, 2, "exact"), Count(4, 4, "exact"))]


def test_a_recap_and_a_place_named_as_a_landmark_across_the_river() -> None:
    found = incidents_of(article(
        "Across the Dnipro river from the Russian-occupied Zaporizhzhia nuclear plant, the town of Nikopol was "
        "shelled with heavy artillery on Wednesday morning, killing a man, the governor said.",
        "We will remind, on November 1 a Russian missile hit an enterprise in Koziatyn, and two people died.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ))
    assert [(i.location.name, i.killed) for i in found] == [("Nikopol", Count(1, 1, "exact"))]


def test_a_standfirst_with_the_final_toll_joins_the_body_a_day_apart() -> None:
    found = incidents_of(
        "Missile hits dormitory in western Ukraine\n\n"
        "Four people were killed in the strike on the dormitory, officials said\n\n"
        "A Russian cruise missile hit a student dormitory in the city of Khmelnytskyi late on Wednesday, killing two "
        "people and injuring 11, the mayor said.\n\nBy the morning the death toll had risen to four.\n\n"
        "Rescuers worked through the night.\n\nTalks on a ceasefire are due to resume next month in Geneva.")
    assert [(i.location.name, i.killed) for i in found] == [("Khmelnytskyi", Count(4, 4, "exact"))]


def test_another_war_in_an_article_about_this_one_is_no_incident() -> None:
    found = incidents_of(article(
        "A Russian drone hit a car in Kherson on Wednesday, wounding the driver, the governor said.",
        "At least 190 children have been killed in the fighting in Sudan, the UN children's agency said.",
        "Israel's defence forces killed several Iranian soldiers, officials in Tehran said.",
    ))
    assert [(i.location.name, i.killed, i.injured) for i in found] == [("Kherson", None, Count(1, 1, "exact"))]


def test_a_regional_prosecutors_office_speaks_for_the_event_just_told() -> None:
    found = incidents_of(article(
        "Earlier on Wednesday, a guided aerial bomb hit a residential area of Kramatorsk.",
        "Four people were injured, including a seven-year-old girl, the Donetsk regional prosecutor's office said.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ))
    assert [(i.location.name, i.injured) for i in found] == [("Kramatorsk", Count(4, 4, "exact"))]


def test_a_headline_joining_two_events_adds_nothing_where_the_body_tells_one() -> None:
    found = incidents_of(
        "Glide bomb kills two in Zolochiv, drone wounds tractor driver near Kupiansk\n\n"
        "Officials in the Kharkiv region count the day's losses.\n\n"
        "A Russian glide bomb hit a street in Zolochiv on Wednesday, killing two men and injuring four more people, "
        "the governor said.\n\nOn Wednesday morning, a drone attacked a tractor in the village of Kivsharivka, "
        "wounding its driver, the police said.\n\nRescuers worked through the night.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert [(i.location.name, i.killed, i.injured) for i in found] == [
        ("Zolochiv", Count(2, 2, "exact"), Count(4, 4, "exact")), ("Kivsharivka", None, Count(1, 1, "exact"))]


def test_towns_headed_by_bullet_marks_place_their_lines() -> None:
    found = by_place(
        "The governor's evening summary\n\n"
        "The head of the regional military administration posted the day's news on Telegram on Wednesday.\n\n"
        "🔻 Nikopol. A drone struck a minibus. A 55-year-old man was wounded.\n\n"
        "🔻 Marhanets. Artillery hit a private house. Two women were injured.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert {k: v.injured for k, v in found.items()} == {
        "Nikopol": Count(1, 1, "exact"), "Marhanets": Count(2, 2, "exact")}, found


def test_a_regions_day_in_the_region_adds_nothing_and_a_later_plan_does_not_stop_a_toll() -> None:
    found = by_place(
        "Shelling in the Dnipropetrovsk region\n\n"
        "The head of the regional military administration posted the day's news on Telegram on Wednesday.\n\n"
        "An FPV drone hit a car in Marhanets. The 38-year-old driver was wounded, he will be treated at home.\n\n"
        "In the evening the occupiers also attacked Synelnykove district with a drone.\n\n"
        "In total, over the past day 1 person was killed and 3 were injured in the region.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert found["Marhanets"].injured == Count(1, 1, "exact"), found
    assert (found["Synelnykove"].killed, found["Synelnykove"].injured) == (None, None)


def test_a_title_written_short_and_a_name_with_particles_are_read_whole() -> None:
    found = incidents_of(article(
        "A drone hit a car in Shebekino on Wednesday, injuring two men, Gov. Vyacheslav Gladkov said.",
        "On Wednesday, a missile hit a warehouse in Odesa, killing one worker, EU envoy Ursula von der Leyen said.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ))
    assert [i.attributed_to for i in found] == [["Vyacheslav Gladkov (governor)"],
                                                ["Ursula von der Leyen (EU envoy)"]], found


def test_a_strike_a_day_before_the_rescue_is_where_the_rescue_is_and_a_later_clause_that_names_the_city() -> None:
    found = by_place(
        "Rescuers end search in Kramatorsk\n\n"
        "Rescuers finished searching the ruins of a block in the city of Kramatorsk on Thursday, a day after a "
        "Russian missile strike that killed four people and wounded 19, officials said.\n\n"
        "Overnight, Russian troops fired rockets at Sloviansk. Two people were hurt when a rocket struck a "
        "five-storey building in the north of the city, officials said.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert (found["Kramatorsk"].date, found["Kramatorsk"].killed) == ("2025-11-12", Count(4, 4, "exact")), found
    assert found["Sloviansk"].injured == Count(2, 2, "exact")
    assert None not in found


def test_a_day_across_the_country_a_tally_the_aftermath_and_history_in_a_season() -> None:
    found = by_place(
        "Night of strikes\n\n"
        "Russian attacks killed two people and wounded more than 20 across Ukraine overnight, with the heaviest damage "
        "in the southern city of Odesa.\n\n"
        "A drone struck a block of flats in Odesa overnight, killing a man and his wife. Rescuers worked through "
        "the morning. Firefighters recovered their bodies several hours later. Three neighbours were treated for "
        "burns, officials said.\n\n"
        "Russia's defence ministry said its air defences had destroyed 64 drones over several regions overnight, "
        "including 21 over the Bryansk region.\n\n"
        "In the summer of 2023, a missile flattened a hostel in Saltivka, killing more than a dozen people.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert list(found) == ["Odesa"], found
    assert (found["Odesa"].killed, found["Odesa"].injured) == (Count(2, 2, "exact"), Count(3, 3, "exact"))


def test_tolls_told_with_a_birth_year_a_place_at_the_site_shrapnel_had_and_a_count_brought_to() -> None:
    found = by_place(
        "Shelling in the border regions\n\n"
        "Russian artillery shelled the town of Kupiansk on Wednesday, wounding two women, the governor said. In a "
        "later post, he said a third person had been injured, bringing the number of wounded to three.\n\n"
        "The Ukrainian Armed Forces fired on the settlement of Klimovo from rocket systems on Wednesday. A local "
        "resident born in 1965 was killed, and his wife was wounded.\n\n"
        "In Novoshakhtinsk, a drone hit a substation on Wednesday, and a worker at the site was injured.\n\n"
        "Later, the town of Marhanets was shelled on Wednesday and a 43-year-old man had sustained shrapnel wounds.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert found["Kupiansk"].injured == Count(3, 3, "exact"), found
    assert (found["Klimovo"].killed, found["Klimovo"].injured) == (Count(1, 1, "exact"), Count(1, 1, "exact"))
    assert found["Novoshakhtinsk"].injured == Count(1, 1, "exact")
    assert found["Marhanets"].injured == Count(1, 1, "exact")


def test_a_relative_aside_a_village_under_mortar_fire_a_mine_and_a_daily_total_in_the_oblast() -> None:
    found = by_place(
        "Attacks on the border\n\n"
        "In Russia's Kursk region, where Ukrainian troops have been fighting since August, a drone hit a car in the "
        "town of Rylsk on Wednesday, killing the driver, the governor said.\n\n"
        "The village of Tyotkino came under mortar fire on Wednesday morning. No one was hurt.\n\n"
        "On Wednesday evening, a tractor driver ran over an explosive device while working in a field near "
        "Vysokopillia. The man was taken to hospital with a leg injury.\n\n"
        "On Thursday morning, the administration said that over the past 24 hours troops had carried out 42 attacks "
        "on the oblast, killing five civilians.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert found["Ryl'sk"].killed == Count(1, 1, "exact"), found
    assert found["Tetkino"].injured == Count(0, 0, "exact")
    assert (found["Vysokopillya"].killed, found["Vysokopillya"].injured) == (None, Count(1, 1, "exact"))


def test_a_hospital_struck_is_the_place_and_tolls_told_with_people_added_or_left_hurt() -> None:
    found = by_place(
        "Strikes on the south\n\n"
        "Russian forces dropped a guided bomb on a hospital in Zaporizhzhia on Wednesday, killing a nurse.\n\n"
        "On Wednesday afternoon, a drone dropped explosives on a city bus in Kherson, wounding the driver and two "
        "passengers. One of the passengers has died in hospital. The toll from the attack on the bus now stands at one "
        "dead and two injured.\n\n"
        "Hours later, a drone hit a farm in the town of Grayvoron on Wednesday, leaving a tractor driver with "
        "wounds to his legs.\n\n"
        "A drone hit houses in Shebekino on Wednesday. A woman was treated for cuts from broken glass.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert found["Zaporizhzhia"].killed == Count(1, 1, "exact"), found
    assert (found["Kherson"].killed, found["Kherson"].injured) == (Count(1, 1, "exact"), Count(2, 2, "exact"))
    assert found["Graivoron"].injured == Count(1, 1, "exact")
    assert found["Shebekino"].injured == Count(1, 1, "exact")


def test_a_toll_after_while_is_the_strikes_and_the_attack_clause_dates_it() -> None:
    found = incidents_of(
        "Drone horror in the port\n\n"
        "Rescuers dug through the rubble for two days as the toll climbed all week\n\n"
        "Twelve people were killed when the drone hit the block\n"
        "Twelve people were killed when the drone hit the block (Image: Reuters)\n\n"
        "A Russian drone tore through a block of flats in Odesa while families slept, killing 12 people.\n\n"
        "The Shahed slammed into the nine-storey building in the early hours of Tuesday. Eight other people were "
        "hurt.\n\n"
        "On Wednesday night a Shahed hit a petrol station in Kharkiv. Three people were injured.\n\n"
        "Over the past day, Russian troops shelled 23 settlements in the Kharkiv region; one civilian was killed.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert [(i.location.name if i.location else None, i.date, i.killed, i.injured) for i in found] == [
        ("Odesa", "2025-11-11", Count(12, 12, "exact"), Count(8, 8, "exact")),
        ("Kharkiv", "2025-11-12", None, Count(3, 3, "exact"))], found


def test_a_person_named_with_a_possessive_is_counted_whole() -> None:
    found = by_place(
        "Drone kills couple in their car\n\n"
        "A Russian drone struck a car in Kherson on Wednesday afternoon, killing a man and his wife.\n\n"
        "The couple's 12-year-old son was taken to hospital with shrapnel wounds to his legs.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    injured = found["Kherson"].injured
    assert injured == Count(1, 1, "exact"), found
    [span] = [e.text for e in found["Kherson"].evidence if e.field == "injured"]
    assert span.startswith("The couple's 12-year-old son")


def test_tolls_of_people_described_doing_something_couples_those_still_in_hospital_and_no_deaths() -> None:
    found = by_place(
        "A night of strikes\n\n"
        "Artillery firing from across the former Kakhovka reservoir shelled Nikopol on Wednesday. Two railway workers "
        "were injured.\n\n"
        "On Wednesday a drone dropped explosives near a bus stop in Horlivka. Two women waiting for a bus were "
        "injured.\n\n"
        "A drone struck a house in Zolochiv on Wednesday, injuring a married couple in their sixties.\n\n"
        "A missile hit a warehouse in Dnipro on Wednesday. Eleven people were still in hospital. A 68-year-old woman "
        "who was pulled from the rubble has died.\n\n"
        "Artillery shelled the port town of Ochakiv on Wednesday, wounding three people. No deaths were reported "
        "there.\n\n"
        "A drone hit a car near Velyka Pysarivka on Wednesday. The driver managed to get out in time and was not "
        "hurt.\n\n"
        "Talks on a ceasefire are due to resume next month in Geneva.")
    assert found["Nikopol"].injured == Count(2, 2, "exact"), found
    assert found["Horlivka"].injured == Count(2, 2, "exact")
    assert found["Zolochiv"].injured == Count(2, 2, "exact")
    assert (found["Dnipro"].killed, found["Dnipro"].injured) == (Count(1, 1, "exact"), Count(11, 11, "exact"))
    assert found["Ochakiv"].killed == Count(0, 0, "exact")
    assert found["Velyka Pysarivka"].injured == Count(0, 0, "exact")


def test_a_lead_paragraph_is_the_event_the_next_paragraph_gives_the_toll_of() -> None:
    found = incidents_of("\n\n".join((
        "Missiles hit Kharkiv energy site",
        "By a staff writer",
        "On Monday evening, Russian troops struck an energy facility in Kharkiv with two missiles, the regional "
        "governor said.",
        "According to him, a technician at the plant was killed, and three more were injured.",
        "Repair crews restored power to most homes by the morning, the mayor said.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    )), published="2025-11-11")
    assert [(i.location and i.location.name, i.killed, i.injured) for i in found] == [
        ("Kharkiv", Count(1, 1, "exact"), Count(3, 3, "exact"))]


def test_the_day_a_toll_rose_does_not_part_the_event_from_its_own_day() -> None:
    found = incidents_of(article(
        "The death toll from a Russian missile strike on an apartment block in the southern port city of Odesa "
        "rose to nine on Saturday, officials said.",
        "The missile hit a nine-storey building in the city centre late on Friday, the regional governor said.",
        "At least 31 people were injured, he said.",
    ), published="2025-11-15")
    assert [(i.location.name, i.date, i.killed, i.injured) for i in found] == [
        ("Odesa", "2025-11-14", Count(9, 9, "exact"), Count(31, None, "at least"))]


def test_a_headline_that_sums_a_region_s_day_is_no_event_beside_the_one_told() -> None:
    found = incidents_of("\n\n".join((
        "Kherson region: one killed, 9 injured in Russian attacks over past day",
        "Over the past day, Russian forces shelled 27 settlements in the Kherson region, the governor said.",
        "In Kherson's Dniprovskyi district, a drone dropped explosives on a man on a scooter on Sunday morning.",
        "The 58-year-old was taken to hospital with a blast injury and shrapnel wounds.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    )), published="2025-11-16")
    assert [(i.location.name, i.injured) for i in found] == [("Kherson", Count(1, 1, "exact"))]


def test_a_hospital_named_for_its_town_is_where_the_wounded_went() -> None:
    found = incidents_of(article(
        "Late on Monday a drone dropped an explosive device on a tractor in the town of Valuyki, the "
        "Belgorod governor said.",
        "A farm worker was wounded and is being treated at the Belgorod regional clinical hospital.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2024-05-14")
    assert [(i.location and i.location.name, i.injured) for i in found] == [
        ("Valuyki", Count(1, 1, "exact"))]


def test_a_headline_may_tell_a_part_of_the_toll_and_a_revised_toll_wins() -> None:
    found = incidents_of("\n\n".join((
        "Shelling wounds two children in Kharkiv",
        "By a staff writer",
        "Russian artillery pounded apartment blocks in the north of Kharkiv on Wednesday, killing one man and "
        "wounding nine people, officials said.",
        "The mayor said overnight that fourteen people had been injured. On Thursday morning the governor put the "
        "number of injured at eleven, saying three had been counted twice.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    )), published="2025-11-13")
    assert [(i.location.name, i.killed, i.injured) for i in found] == [
        ("Kharkiv", Count(1, 1, "exact"), Count(11, 11, "exact"))]


def test_the_town_referred_to_by_a_regions_official_and_a_later_day_in_the_same_city() -> None:
    found = incidents_of(article(
        "Shelling struck a residential district of Enerhodar on Saturday morning, killing one person and wounding "
        "three, the town's administration said.",
        "Ivan Petrov, an official of the administration of the occupied part of the Zaporizhzhia region, said that "
        "artillery had fired on the town from the opposite bank.",
        "A Russian drone hit an apartment block in Kostiantynivka on Saturday, killing two people, the governor said.",
        "On Tuesday morning, Russian artillery shelled the area around the city's bus station, injuring two men.",
    ), published="2025-11-19")
    assert [(i.location.name, i.date) for i in found] == [
        ("Enerhodar", "2025-11-15"), ("Kostyantynivka", "2025-11-15"), ("Kostyantynivka", "2025-11-18")]
    assert found[2].injured == Count(2, 2, "exact")


def test_a_campaign_told_since_a_date_is_no_event() -> None:
    found = incidents_of(article(
        "Since Oct. 10, Russia has pounded power stations and substations across Ukraine in what officials in Kyiv "
        "describe as a campaign against civilians.",
        "A missile hit a substation near Lviv on Thursday, the regional governor said.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2022-10-21")
    assert [i.location.name for i in found] == ["Lviv"]


def test_a_toll_for_two_towns_told_town_by_town_is_no_event_of_its_own() -> None:
    found = incidents_of(article(
        "Russian missiles struck the city of Zaporizhzhia and the neighbouring town of Vilniansk late on Wednesday, "
        "wounding seven people, officials said.",
        "In Zaporizhzhia, the missiles hit a block of flats, injuring five people, the governor said.",
        "In Vilniansk, the same salvo destroyed a house and wounded two pensioners, the local council said.",
    ), published="2025-11-13")
    assert [(i.location.name, i.date, i.injured) for i in found] == [
        ("Zaporizhzhia", "2025-11-12", Count(5, 5, "exact")), ("Vilnyansk", "2025-11-12", Count(2, 2, "exact"))]


def test_a_city_district_is_the_city_and_one_the_gazetteer_knows_only_elsewhere_is_no_place() -> None:
    found = incidents_of(article(
        "Shells struck apartment blocks in Saltivka on Wednesday, wounding three people, the governor said.",
        "Overnight, Russian drones attacked Kharkiv again, the mayor said.",
        "Hits were recorded in the Kyivskyi district: a woman and a boy were injured.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2025-11-13")
    assert [(i.location.name, i.injured) for i in found] == [
        ("Kharkiv", Count(3, 3, "exact")), ("Kharkiv", Count(2, 2, "exact"))]


def test_a_clause_after_a_semicolon_adds_to_the_event_its_sentence_told() -> None:
    found = by_place(article(
        "A drone hit a house in Vasylivka on Monday, killing a man, the occupation authorities said.",
        "Russian troops also shelled Stepnohirsk on Tuesday morning; no casualties were reported.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2025-11-19")
    assert found["Stepnohirsk"].injured == Count(0, 0, "exact")
    assert found["Vasylivka"].injured is None


def test_a_toll_revised_down_is_the_toll() -> None:
    found = by_place(article(
        "A missile struck a block of flats in Zaporizhzhia early on Sunday.",
        "On Monday the governor said fourteen people had been killed.",
        "On Tuesday his office lowered the death toll to 13, saying one victim had been counted twice.",
    ))
    assert found["Zaporizhzhia"].killed == Count(13, 13, "exact")


def test_a_towns_count_over_a_week_is_no_event_and_an_unplaced_attack_is_in_the_headlines_town() -> None:
    found = incidents_of("\n\n".join((
        "Shelling grinds on in Kostiantynivka",
        "Residents queue for water under fire.",
        "Nine civilians were killed and 20 wounded in the city between Nov. 3 and Nov. 9, the city chief said.",
        "Most of the victims were hit while collecting water.",
        "On Wednesday, Russian artillery hit a street near the central market, killing a man and his wife.",
        "Volunteers now enter the city only in armoured vehicles.",
    )), published="2025-11-13")
    assert [(i.location.name if i.location else None, i.date, i.killed) for i in found] == [
        ("Kostiantynivka", "2025-11-12", Count(2, 2, "exact"))]


def test_a_day_counted_from_the_event_told_in_the_sentence_before() -> None:
    found = incidents_of(article(
        "On Wednesday morning, a guided bomb struck a street in Kupiansk, wounding three medics.",
        "Two days earlier, a drone hit a car on the bridge across the Oskil, killing the driver.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2025-11-14")
    assert [(i.date, i.killed, i.injured) for i in found] == [
        ("2025-11-12", None, Count(3, 3, "exact")), ("2025-11-10", Count(1, 1, "exact"), None)]


def test_a_village_of_a_towns_district_is_not_the_town() -> None:
    found = incidents_of(article(
        "On Wednesday afternoon, Russian artillery struck Kupiansk, killing a 58-year-old man.",
        "In the evening of the same day, in the village of Sinkivka of Kupiansk district, a drone dropped explosives "
        "on a house. A 47-year-old man was injured.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2025-11-13")
    assert [(i.date, i.killed, i.injured) for i in found] == [
        ("2025-11-12", Count(1, 1, "exact"), None), ("2025-11-12", None, Count(1, 1, "exact"))]


def test_an_attack_whose_place_was_kept_back_stays_unplaced() -> None:
    found = incidents_of("\n\n".join((
        "Drone hits freight train as Sumy comes under fire",
        "The operator gave few details.",
        "A Russian drone hit a freight train on Wednesday, injuring the driver, the railway operator said.",
        "The company did not say where the attack took place.",
        "Freight was moved to another train, which continued with a delay of about three hours.",
    )), published="2025-11-13")
    assert [(i.location, i.injured) for i in found] == [(None, Count(1, 1, "exact"))]


def test_a_daily_post_told_village_by_village() -> None:
    found = incidents_of("\n\n".join((
        "Shelling hits Kherson region villages",
        "Less than a month after the city was freed, Russian artillery keeps hitting it.",
        "The regional administration posted its summary on Tuesday morning.",
        "📍 Kherson. Shells hit a street on Monday afternoon. A 64-year-old woman was killed. A 39-year-old man was "
        "wounded.",
        "📍 Bilozerka. A mortar round landed in a yard on Monday evening. Two men, aged 45 and 52, were wounded.",
        "Stanislav. Overnight shelling damaged a school and power lines. No casualties.",
        "The Kherson regional prosecutor's office said it had opened proceedings over the shelling, in which a "
        "64-year-old woman was killed and a man was injured.",
    )), published="2022-12-06")
    assert [(i.location.name, i.date, i.killed, i.injured) for i in found] == [
        ("Kherson", "2022-12-05", Count(1, 1, "exact"), Count(1, 1, "exact")),
        ("Bilozerka", "2022-12-05", None, Count(2, 2, "exact")),
        ("Stanislav", "2022-12-06", Count(0, 0, "exact"), Count(0, 0, "exact")),
    ]


def test_a_quote_told_after_a_line_naming_its_town() -> None:
    found = incidents_of(article(
        "A drone hit a car in Druzhkivka on Tuesday afternoon, killing the driver, prosecutors said.",
        "Russia's defence ministry said its forces had taken full control of Vuhledar on Tuesday.",
        "Kursk region governor Alexander Khinshtein reported a series of drone attacks on border districts.",
        "In Kramatorsk, the head of the city military administration wrote overnight:",
        '"Preliminary: a guided aerial bomb hit an industrial area of the city. No casualties."',
    ), published="2025-11-19")
    assert [(i.location.name, i.date, i.killed) for i in found] == [
        ("Druzhkivka", "2025-11-18", Count(1, 1, "exact")), ("Vuhledar", "2025-11-18", None),
        ("Kramatorsk", "2025-11-19", Count(0, 0, "exact"))]


def test_a_borrowed_place_has_its_evidence_where_the_place_is_named() -> None:
    text = article(
        "A Russian drone hit an apartment block in Kostiantynivka on Saturday, killing two people, the governor said.",
        "On Tuesday morning, Russian artillery shelled the area around the city's bus station, injuring two men.",
    )
    found = incidents_of(text, "2025-11-19")
    spans = [[text[e.start:e.end] for e in i.evidence if e.field == "location"] for i in found]
    assert spans == [["Kostiantynivka"], ["Kostiantynivka"]]


def test_an_event_only_named_takes_the_toll_the_next_sentences_tell() -> None:
    found = incidents_of("\n\n".join((
        "Rescuers finish their work at a ruined block",
        "STATE EMERGENCY SERVICE | 13 November 2025",
        "Kharkiv. Rescuers have finished their work at the site of the Russian missile strike on a nine-storey "
        "building in the Kyivskyi district of the city.",
        "The strike hit the building on the evening of 11 November.",
        "Overnight, rescuers recovered the bodies of two more people from the rubble. In total, six people were "
        "killed as a result of the attack.",
        "Chuhuiv. The same evening, Russian drones attacked the town. A 38-year-old man was injured.",
        "Residents can apply for compensation at the city's service centres.",
    )), published="2025-11-13")
    assert [(i.location.name, i.date, i.killed, i.injured) for i in found] == [
        ("Kharkiv", "2025-11-11", Count(6, 6, "exact"), None),
        ("Chuhuiv", "2025-11-11", None, Count(1, 1, "exact")),
    ]


def test_a_governors_day_told_town_by_town_with_a_corrected_toll() -> None:
    found = incidents_of("\n\n".join((
        "Donetsk region: guided bomb kills two in Kramatorsk",
        "12.11.2025 08:47",
        "Russian forces again attacked several settlements in the region over the past day, the governor said.",
        "Kramatorsk. Russian forces struck the city with a guided aerial bomb on Tuesday afternoon. Two people died "
        "and seven were injured, the governor said.",
        "The city council had earlier reported three dead. The governor said that figure was wrong.",
        "Nikopol. The occupiers fired at the city from Grad launchers about 40 times. A 64-year-old woman was injured.",
        "Kupiansk. A guided bomb hit a private house on Tuesday morning.",
        "As a result of the attack, a 72-year-old man and his 68-year-old wife were killed.",
    )), published="2025-11-12")
    assert [(i.location.name, i.date, i.killed, i.injured) for i in found] == [
        ("Kramatorsk", "2025-11-11", Count(2, 2, "exact"), Count(7, 7, "exact")),
        ("Nikopol", "2025-11-12", None, Count(1, 1, "exact")),
        ("Kupiansk", "2025-11-11", Count(2, 2, "exact"), None),
    ]


def test_a_wounded_person_from_another_town_is_wounded_where_the_attack_was() -> None:
    found = incidents_of(article(
        "A Ukrainian aid volunteer was killed on Sunday when a mortar round landed beside his van in the centre of "
        "Lyman, his charity said.",
        "A second volunteer, a woman from Kramatorsk, suffered shrapnel wounds to her legs.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2025-11-18")
    assert [(i.location.name, i.date, i.killed, i.injured) for i in found] == [
        ("Lyman", "2025-11-16", Count(1, 1, "exact"), Count(1, 1, "exact"))]


def test_a_death_that_brings_the_toll_to_a_figure_sets_both_tolls() -> None:
    found = by_place(article(
        "Russian shelling of Orikhiv on Thursday hurt three people, the governor said.",
        "On Monday he said a 60-year-old man wounded in the attack had died in hospital.",
        "His death brings the toll from that attack to one killed and two injured.",
    ), published="2025-11-17")
    assert (found["Orikhiv"].killed, found["Orikhiv"].injured) == (Count(1, 1, "exact"), Count(2, 2, "exact"))


def test_an_unplaced_attack_is_in_the_datelines_town_when_the_headline_names_none() -> None:
    found = incidents_of("\n\n".join((
        "Guided bomb hits industrial area as front edges closer",
        "KRAMATORSK, Ukraine, Nov 12 (Reuters) - A Russian guided bomb struck an industrial area on Wednesday, "
        "wounding two workers, the city's military administration said.",
        "Residents said they heard the blast across the city.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
        "Neither side gave details of the next round, which officials expect early next month.",
    )), published="2025-11-13")
    assert [(i.location.name if i.location else None, i.injured) for i in found] == [
        ("Kramatorsk", Count(2, 2, "exact"))]


def test_an_officials_list_tells_each_places_event_however_briefly() -> None:
    found = by_place(article(
        "During the day the Russian troops made 41 shellings of the border territories of the region; 190 "
        "explosions were registered, the Sumy regional military administration reported.",
        "Esman community: the enemy fired 14 mortar rounds. No casualties.",
        "Seredyna-Buda community: a drone attack on a farm in the afternoon, no casualties reported.",
        "Bilopillia community – a guided bomb hit a warehouse; a man 44 years old was wounded.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2024-09-10")
    assert set(found) == {"Esman", "Seredyna-Buda", "Bilopillia"}, found
    assert found["Esman"].killed == Count(0, 0, "exact") and found["Bilopillia"].injured == Count(1, 1, "exact")


def test_attacks_on_an_areas_communities_sum_up_the_list_after_them() -> None:
    found = by_place(article(
        "Russian forces fired artillery at border communities of the Sumy region on Monday, killing three people, "
        "the administration said.",
        "Esman community: a guided bomb hit a barn, killing a 61-year-old man.",
        "Shostka community: a drone attack on a substation caused a fire. No casualties.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2024-09-10")
    assert set(found) == {"Esman", "Shostka"}, found
    assert found["Shostka"].killed == Count(0, 0, "exact")


def test_a_victim_hurt_when_a_drone_hit_his_car_is_of_the_event_before() -> None:
    found = incidents_of(article(
        "Ochakiv community. On Monday Russian forces struck the town of Ochakiv with drones.",
        "A 51-year-old man was wounded when an FPV drone hit his car.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2025-06-11")
    assert [(i.location.name, i.injured) for i in found] == [("Ochakiv", Count(1, 1, "exact"))]


def test_a_day_before_the_speaker_dates_the_saying_not_the_strike() -> None:
    found = incidents_of(article(
        "Russian drones attacked Kherson overnight, wounding a 39-year-old man, the governor said.",
        "Later on Wednesday, the regional administration said that a woman wounded in Saturday's missile strike on "
        "Kherson's Dniprovskyi district had died in hospital, raising the death toll from that attack to five.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2025-06-11")
    assert sorted((i.date, i.killed, i.injured) for i in found) == [
        ("2025-06-07", Count(5, 5, "exact"), None), ("2025-06-11", None, Count(1, 1, "exact"))]


def test_a_town_the_wounded_were_taken_to_is_not_where_they_were_hurt() -> None:
    found = by_place(article(
        "A Russian glide bomb hit the centre of Izium on Monday, killing two people, the governor said.",
        "A 70-year-old woman was pulled from the rubble and taken to Kharkiv with burns.",
        "On Monday, officials reported two dead and nine injured. Later the prosecutor's office put the final count "
        "at two killed and eight injured.",
        "Overnight, drones also struck Kharkiv, wounding a man.",
    ), published="2025-03-12")
    assert found["Izium"].injured == Count(8, 8, "exact"), found
    assert found["Kharkiv"].injured == Count(1, 1, "exact")


def test_the_rockets_over_the_region_are_the_towns_event_just_told() -> None:
    found = by_place(article(
        "Ukrainian forces fired rockets at the city of Belgorod on Saturday afternoon, killing one person, the "
        "governor said.",
        "According to the Russian defence ministry, the rockets were fired from multiple launchers, and air defences "
        "intercepted eight of them over the Belgorod region.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2024-03-17")
    assert list(found) == ["Belgorod"], found


def test_the_city_is_the_town_the_sentence_before_introduced() -> None:
    found = by_place(article(
        "A missile hit an apartment block in Dnipro on Monday, killing two people, the governor said.",
        "In the east, the governor said Russian troops were trying to encircle Lysychansk, the last city in the "
        "region under Ukrainian control.",
        "Shelling of the city on Tuesday killed a man, his wife and their son, he said.",
    ), published="2022-06-29")
    assert set(found) == {"Dnipro", "Lysychansk"}, found
    assert found["Lysychansk"].killed == Count(3, 3, "exact")


def test_a_strike_beside_a_memorial_is_an_event() -> None:
    found = by_place(article(
        "Late on Tuesday, a Russian missile hit the television tower in Kyiv, next to a war memorial.",
        "Five people were killed, the emergency service said.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2022-03-02")
    assert found["Kyiv"].killed == Count(5, 5, "exact"), found


def test_a_placeless_clause_goes_on_with_the_clause_before_on_its_day() -> None:
    found = incidents_of(article(
        "KRAMATORSK, Ukraine, April 8 (Eastwire) - A missile struck the railway station in Kramatorsk on Friday "
        "morning as crowds of civilians waited for trains out of the Donbas, killing 37 people, officials said.",
        "The governor said 81 people had been wounded.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2022-04-08")
    assert [(i.location.name, i.killed, i.injured) for i in found] == [
        ("Kramatorsk", Count(37, 37, "exact"), Count(81, 81, "exact"))]


def test_a_headline_near_a_city_is_the_bodys_village_in_its_region_with_the_same_toll() -> None:
    found = incidents_of("\n\n".join((
        "Missiles hit apartment block near Odesa, killing 19",
        "July 1, 2022, 8:47 PM",
        "SERHIIVKA, Ukraine (Eastwire) - Russian missiles struck a nine-storey apartment building in the resort of "
        "Serhiivka in the Odesa region early on Friday, killing 19 people, including two children, and wounding dozens "
        "of others who had been asleep in their beds, Ukrainian officials said.",
        "The toll rose through the day. The regional administration first reported eight dead, then 15.",
        "Officials said the missiles were fired by bombers flying over the Black Sea at about 1 a.m.",
        "Rescuers searched the rubble through the night.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    )), published="2022-07-01")
    assert [(i.location.name, i.killed) for i in found] == [("Serhiyivka", Count(19, 19, "exact"))]


def test_a_settlement_under_mortar_and_artillery_fire_then_its_victim() -> None:
    found = by_place(article(
        "A drone struck a car in the village of Popovo-Lezhachi on Sunday, killing the driver, the governor said.",
        "Late on Sunday, the border settlement of Tyotkino came under mortar and artillery fire.",
        "A 68-year-old woman was injured in the yard of her house and taken to hospital in Kursk, he said.",
    ), published="2024-05-20")
    assert found["Tetkino"].injured == Count(1, 1, "exact"), found


def test_a_rate_a_rebuttal_and_a_remembrance_are_no_events() -> None:
    found = incidents_of(article(
        "The president said up to 80 Ukrainian soldiers were being killed each day in the Donbas.",
        "He also hit back at figures from Moscow, calling them propaganda.",
        "Hundreds gathered in Kremenchuk on Saturday to remember those killed when a missile struck a shopping "
        "centre in the city on 27 June 2022.",
        "Talks on a ceasefire are due to resume next month in Geneva.",
    ), published="2026-06-27")
    assert found == []
