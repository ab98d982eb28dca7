"""Tying numbers to what happened to people."""
from __future__ import annotations

import pytest

from warledger.extract.casualties import find_figures
from warledger.extract.numbers import find_numbers
from warledger.records import Count


def figures(text: str) -> dict[str, Count]:
    return {f.role: f.count for f in find_figures(text, find_numbers(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five people were killed and 12 injured.", {"killed": Count(5, 5), "injured": Count(12, 12)}),
        ("The strike killed at least two civilians.", {"killed": Count(2, None, "at least")}),
        ("Shelling left three dead and seven wounded.", {"killed": Count(3, 3), "injured": Count(7, 7)}),
        ("A woman was injured by debris.", {"injured": Count(1, 1)}),
        ("The death toll from the attack has risen to 23.", {"killed": Count(23, 23)}),
        ("Nine people, including two children, were wounded.", {"injured": Count(9, 9)}),
        ("No one was killed or injured in the attack.", {"killed": Count(0, 0), "injured": Count(0, 0)}),
        ("Two people are missing under the rubble.", {"missing": Count(2, 2)}),
        ("Border guard officer killed near the frontier", {"killed": Count(1, 1)}),
        ("The head of the village council, wounded on Monday, died in hospital.", {"killed": Count(1, 1)}),
        ("Artillery crews destroyed 35 servicemen of the brigade.", {"killed": Count(35, 35)}),
        ("Artillery crews destroyed 35 tanks of the brigade.", {}),
        ("About 60 invaders were liquidated near the bridge.", {"killed": Count(60, 60, "about")}),
        ("The bodies of four civilians were found in a cellar.", {"killed": Count(4, 4)}),
        ("Two night-shift employees were injured.", {"injured": Count(2, 2)}),
        ("Twelve armoured vehicles were destroyed near the bridge.", {}),
        ("The attack on the depot killed two workers.", {"killed": Count(2, 2)}),
        ("Prosecutors are investigating the killing of five soldiers.", {"killed": Count(5, 5)}),
        ("A drone hit a car, wounding a man and a woman.", {"injured": Count(2, 2)}),
        ("A man and his wife were wounded.", {"injured": Count(2, 2)}),
        ("Two passengers suffered shrapnel wounds.", {"injured": Count(2, 2)}),
        ("Two other people were taken to hospital with injuries.", {"injured": Count(2, 2)}),
        ("Nobody was killed or injured.", {"killed": Count(0, 0), "injured": Count(0, 0)}),
        ("The number of injured rose to 16, he added.", {"injured": Count(16, 16)}),
        ("By late afternoon, the number of dead had risen to seven.", {"killed": Count(7, 7)}),
        ("Twenty-one people are now listed as injured, up from 14.", {"injured": Count(21, 21)}),
        ("Two men aged 34 and 51 were injured.", {"injured": Count(2, 2)}),
        ("26 people were being treated in hospital.", {"injured": Count(26, 26)}),
        ("A 37-year-old woman was cut by glass.", {"injured": Count(1, 1)}),
        ("There are no victims among the population.", {"killed": Count(0, 0), "injured": Count(0, 0)}),
        ("A man of 47 years got shrapnel wounds.", {"injured": Count(1, 1)}),
        ("A drone attacked a tractor, wounding its 52-year-old driver.", {"injured": Count(1, 1)}),
        ("The driver was not hurt, the car was destroyed.", {"killed": Count(0, 0), "injured": Count(0, 0)}),
        ("Three more people are receiving medical care.", {"injured": Count(3, 3)}),
        ("Two deminers of the State Emergency Service were wounded.", {"injured": Count(2, 2)}),
        # people named and counted in one group: the group's size, not its last number
        ("A man and his two sons were wounded.", {"injured": Count(3, 3)}),
        ("The driver, 44, and three passengers were injured.", {"injured": Count(4, 4)}),
        ("Three women and a man were taken to hospital.", {"injured": Count(4, 4)}),
        ("Shelling killed a farmer, 61, and his wife, 58, and wounded two neighbours.",
         {"killed": Count(2, 2), "injured": Count(2, 2)}),
        # one person, however the noun phrase runs
        ("The blast killed a woman.", {"killed": Count(1, 1)}),
        ("A woman passenger was hospitalised.", {"injured": Count(1, 1)}),
        ("A teenager cycling home from school was wounded.", {"injured": Count(1, 1)}),
        ("The 70-year-old was taken to hospital.", {"injured": Count(1, 1)}),
        ("A shell hit a car carrying two men, killing one and wounding the other.",
         {"killed": Count(1, 1), "injured": Count(1, 1)}),
        ("One person was lightly injured.", {"injured": Count(1, 1)}),
        ("A cashier received a shrapnel injury.", {"injured": Count(1, 1)}),
        ("His wife was taken to the district hospital with burns.", {"injured": Count(1, 1)}),
        ("A pensioner suffered a concussion.", {"injured": Count(1, 1)}),
        # an aside between people and their toll
        ("The two men inside were lightly injured.", {"injured": Count(2, 2)}),
        ("A married couple in their seventies who lived next door were hurt.", {"injured": Count(2, 2)}),
        ("A woman who was walking her dog was killed.", {"killed": Count(1, 1)}),
        ("An 81-year-old man later sought medical help.", {"injured": Count(1, 1)}),
        # a toll put at a figure; a regional total put at one in a headline is not an event's toll
        ("The mayor put the number of injured at eleven.", {"injured": Count(11, 11)}),
        ("Officials put the toll at four.", {"killed": Count(4, 4)}),
        ("Governor puts civilian death toll in border region at 235", {}),
        ("The 38-year-old received a blast injury.", {"injured": Count(1, 1)}),
        ("No people were hurt.", {"killed": Count(0, 0), "injured": Count(0, 0)}),
        ("The death toll from the Jan. 31 missile strike on the port has risen to nine.", {"killed": Count(9, 9)}),
        # the next victim counts all so far
        ("Two men were hospitalised, and a third person received medical help.", {"injured": Count(3, 3)}),
        ("Rescuers found the body of a fifth victim on Friday.", {"killed": Count(5, 5)}),
        ("A second body was recovered from the rubble.", {"killed": Count(2, 2)}),
        ("A third day of strikes hit the city.", {}),
        # a family counted by its size; help that was needed; a toll revised to a figure
        ("The missile hit a row of houses, killing a family of four.", {"killed": Count(4, 4)}),
        ("By noon five people, including a child, had needed medical help.", {"injured": Count(5, 5)}),
        ("Odesa toll revised to 13 as search ends", {"killed": Count(13, 13)}),
        ("The toll was lowered to nine on Tuesday.", {"killed": Count(9, 9)}),
        # a toll told as risen outdates the clause's earlier figure; a bare "toll" that rose is the dead
        ("Rescuers found two bodies, but by noon the number of dead had risen to four.", {"killed": Count(4, 4)}),
        ("On Jan. 23, he said the toll had risen to three.", {"killed": Count(3, 3)}),
        ("Death toll in Horlivka rises to 3, injured to 11", {"killed": Count(3, 3)}),
        # an aside that names the people counted
        ("Two passengers, women aged 44 and 70, were injured.", {"injured": Count(2, 2)}),
        ("Two civilians, a man and a woman, were killed.", {"killed": Count(2, 2)}),
        # wounded earlier and dead since: one of the dead
        ("A man wounded in Friday's shelling of the village had died in hospital.", {"killed": Count(1, 1)}),
        # a toll that grew, told without its role, takes the role of the figure before it
        ("At first officials spoke of four injured, but by evening the number had grown to nine.",
         {"injured": Count(9, 9)}),
        ("Destruction and victims were not recorded.", {"killed": Count(0, 0), "injured": Count(0, 0)}),
        ("In the village a woman 71 years old was wounded.", {"injured": Count(1, 1)}),
        # people listed with commas; a speaker or a counted group's names are not more people
        ("Shelling on Tuesday killed a man, his wife and their son, he said.", {"killed": Count(3, 3)}),
        ("A shell killed a woman, her two grandsons and a neighbour.", {"killed": Count(4, 4)}),
        ("The strike killed a woman, the mayor said, and a man was wounded.",
         {"killed": Count(1, 1), "injured": Count(1, 1)}),
        ("Drones killed two people, a 70-year-old man and his son.", {"killed": Count(2, 2)}),
        ("By evening rescuers had recovered the 31st body from the ruins.", {"killed": Count(31, 31)}),
        ("The couple were the only people killed in the strike.", {"killed": Count(2, 2)}),
        ("By noon the number of people who had sought medical help had risen to nine.", {"injured": Count(9, 9)}),
        # an age names a person whatever the noun; machine translation's "a man of 60 years" in a list
        ("The drones killed a 61-year-old stallholder and wounded five others.",
         {"killed": Count(1, 1), "injured": Count(5, 5)}),
        ("A 47-year-old tractor driver was wounded.", {"injured": Count(1, 1)}),
        ("A woman of 63 years and a man of 58 years were wounded.", {"injured": Count(2, 2)}),
        ("A man aged 70 and a woman aged 66 were wounded.", {"injured": Count(2, 2)}),
        ("The shell killed a man, his son and a family friend.", {"killed": Count(3, 3)}),
    ],
)
def test_figures(text, expected):
    assert figures(text) == expected


def test_sub_counts_are_not_taken_alone():
    assert figures("Eleven people were killed, including four children.") == {"killed": Count(11, 11)}


def test_years_and_distances_are_not_tolls():
    assert figures("In 2022, 40 kilometres of road were damaged.") == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("Two residents were killed and dozens more were hurt.",
     {"killed": Count(2, 2), "injured": Count(24, None, "at least")}),
    ("At least 27 people were injured, six of them children, the governor said.",
     {"injured": Count(27, None, "at least")}),
])
def test_more_others_and_a_part_of_them(text: str, expected: dict[str, Count]) -> None:
    assert figures(text) == expected


def test_a_victim_named_back_in_a_relative_clause_is_no_new_toll() -> None:
    assert figures("The man who was killed had been handing out bread to his neighbours.") == {}


def test_a_share_of_a_nations_citizens_killed_long_ago_is_no_toll() -> None:
    assert figures("A country where every third its citizen was killed in the Second World War.") == {}


def test_a_counted_part_of_a_group_ends_at_its_noun() -> None:
    text = "Shells hit a street in the town, wounding a schoolboy and two elderly men, the mayor said."
    [found] = find_figures(text, find_numbers(text))
    assert (found.count, text[found.start:found.end]) == (Count(3, 3), "wounding a schoolboy and two elderly men")
