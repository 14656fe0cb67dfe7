package dev.skipgram.corpus.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hidden structure behind {@link SyntheticCorpus}: a toy world of countries (each with a capital,
 * a language and two things it is known for) and countable nouns (singular, plural, a topic and two
 * things they go with), and the phrase frames sentences are built from. Real names, simplified facts.
 *
 * <p>Why the frames look as they do: a relation is recoverable by vector arithmetic when each word
 * of a pair mixes two context distributions, one shared by its whole role (capitals appear with
 * "mayor", "streets", ...; plurals with "two", "are", ...) and one shared by its pair (paris and
 * france both appear with "seine" and "wine"). Then v(paris) − v(france) ≈ v(berlin) − v(germany),
 * which is what the analogy questions test.
 */
final class World {

    /** A country, its capital and language, and the two words it is known for. */
    record Country(String country, String capital, String language, String known1, String known2) {}

    /** A countable noun in both numbers, its topic and the two words it goes with. */
    record Noun(String singular, String plural, Topic topic, String known1, String known2) {}

    /** A topic: the phrases (with their own words) that place a noun sentence in it. */
    record Topic(String name, List<String> phrases) {}

    static final Topic ANIMALS = new Topic("animals",
            List.of("on the farm", "at the zoo", "in the wild", "near the barn"));
    static final Topic VEHICLES = new Topic("vehicles",
            List.of("on the road", "for the journey", "at the station", "during the trip"));
    static final Topic FOOD = new Topic("food",
            List.of("in the kitchen", "for dinner", "on the table", "at the market"));
    static final Topic BODY = new Topic("body",
            List.of("at the doctor", "after the bath", "in the mirror", "at the clinic"));

    static final List<Country> COUNTRIES = List.of(
            new Country("france", "paris", "french", "seine", "wine"),
            new Country("germany", "berlin", "german", "rhine", "beer"),
            new Country("italy", "rome", "italian", "tiber", "pasta"),
            new Country("spain", "madrid", "spanish", "flamenco", "paella"),
            new Country("portugal", "lisbon", "portuguese", "tagus", "fado"),
            new Country("greece", "athens", "greek", "acropolis", "olives"),
            new Country("russia", "moscow", "russian", "volga", "kremlin"),
            new Country("japan", "tokyo", "japanese", "sushi", "fuji"),
            new Country("china", "beijing", "chinese", "yangtze", "dumplings"),
            new Country("egypt", "cairo", "arabic", "nile", "pyramids"),
            new Country("england", "london", "english", "thames", "tea"),
            new Country("poland", "warsaw", "polish", "vistula", "pierogi"),
            new Country("netherlands", "amsterdam", "dutch", "tulips", "canals"),
            new Country("hungary", "budapest", "hungarian", "danube", "goulash"),
            new Country("turkey", "ankara", "turkish", "anatolia", "kebab"),
            new Country("india", "delhi", "hindi", "ganges", "curry"),
            new Country("korea", "seoul", "korean", "kimchi", "hangul"),
            new Country("finland", "helsinki", "finnish", "sauna", "lakes"),
            new Country("czechia", "prague", "czech", "vltava", "pilsner"),
            new Country("iran", "tehran", "persian", "carpets", "saffron"),
            new Country("vietnam", "hanoi", "vietnamese", "mekong", "pho"),
            new Country("ireland", "dublin", "irish", "shamrock", "harp"),
            new Country("norway", "oslo", "norwegian", "fjords", "salmon"),
            new Country("ukraine", "kyiv", "ukrainian", "dnipro", "borscht"));

    static final List<Noun> NOUNS = List.of(
            new Noun("dog", "dogs", ANIMALS, "leash", "bone"),
            new Noun("cat", "cats", ANIMALS, "whiskers", "yarn"),
            new Noun("horse", "horses", ANIMALS, "saddle", "hay"),
            new Noun("cow", "cows", ANIMALS, "milk", "meadow"),
            new Noun("mouse", "mice", ANIMALS, "cheese", "trap"),
            new Noun("wolf", "wolves", ANIMALS, "moon", "forest"),
            new Noun("car", "cars", VEHICLES, "garage", "petrol"),
            new Noun("bike", "bikes", VEHICLES, "pedals", "helmet"),
            new Noun("boat", "boats", VEHICLES, "sail", "harbour"),
            new Noun("plane", "planes", VEHICLES, "pilot", "runway"),
            new Noun("truck", "trucks", VEHICLES, "cargo", "diesel"),
            new Noun("bus", "buses", VEHICLES, "ticket", "timetable"),
            new Noun("apple", "apples", FOOD, "orchard", "cider"),
            new Noun("egg", "eggs", FOOD, "yolk", "omelette"),
            new Noun("potato", "potatoes", FOOD, "fries", "peel"),
            new Noun("cake", "cakes", FOOD, "birthday", "frosting"),
            new Noun("tomato", "tomatoes", FOOD, "ketchup", "vine"),
            new Noun("knife", "knives", FOOD, "blade", "fork"),
            new Noun("tooth", "teeth", BODY, "dentist", "toothbrush"),
            new Noun("foot", "feet", BODY, "socks", "toes"),
            new Noun("hand", "hands", BODY, "gloves", "fingers"),
            new Noun("eye", "eyes", BODY, "eyelashes", "tears"),
            new Noun("child", "children", BODY, "toys", "playground"),
            new Noun("woman", "women", BODY, "dress", "necklace"));

    /** Frames around a capital ({w}); each role has its own context words. */
    static final List<String> CAPITAL_FRAMES = List.of(
            "the mayor of {w}", "the streets of {w}", "the old city of {w}", "downtown {w}",
            "the metro in {w}", "the suburbs of {w}");
    /** Frames around a country name. */
    static final List<String> COUNTRY_FRAMES = List.of(
            "the president of {w}", "the government of {w}", "the nation of {w}", "the borders of {w}",
            "the economy of {w}", "the republic of {w}");
    /** Frames around a language. */
    static final List<String> LANGUAGE_FRAMES = List.of(
            "people who speak {w}", "the {w} language", "a fluent {w} speaker", "the grammar of {w}",
            "words translated into {w}", "a {w} dictionary");
    /** Continuations naming something a country or noun is known for ({k}). */
    static final List<String> KNOWN_FRAMES = List.of(
            "is famous for the {k}", "is proud of the {k}", "writes about the {k}", "loves the {k}",
            "often mentions the {k}", "cares about the {k}");
    /** Facts relating the three words of a country: {country}, {capital}, {language}. */
    static final List<String> FACTS = List.of(
            "{capital} is the capital of {country}", "in {country} people speak {language}",
            "they speak {language} in {capital}", "{capital} is a city in {country} where people speak {language}");
    /** Frames around a singular noun. */
    static final List<String> SINGULAR_FRAMES = List.of(
            "a {w} is", "one {w} was", "this {w} has", "that {w} is", "every {w} was", "a single {w} has");
    /** Frames around a plural noun. */
    static final List<String> PLURAL_FRAMES = List.of(
            "two {w} are", "many {w} were", "these {w} have", "those {w} are", "all the {w} were",
            "some {w} have");
    /** Continuations naming what a noun goes with ({k}). */
    static final List<String> NOUN_KNOWN_FRAMES = List.of(
            "near the {k}", "next to the {k}", "with the {k}", "beside the {k}");

    private World() {}

    /**
     * Checks that no word plays two parts (a capital that is also some country's known-for word would
     * blur the structure): every relation word and known-for word is distinct from every other and
     * from every frame word.
     *
     * @throws IllegalStateException naming the first word used twice
     */
    static void checkDistinct() {
        Set<String> frameWords = new HashSet<>();
        for (List<String> frames : List.of(CAPITAL_FRAMES, COUNTRY_FRAMES, LANGUAGE_FRAMES, KNOWN_FRAMES, FACTS,
                SINGULAR_FRAMES, PLURAL_FRAMES, NOUN_KNOWN_FRAMES, ANIMALS.phrases(), VEHICLES.phrases(),
                FOOD.phrases(), BODY.phrases())) {
            for (String frame : frames) {
                for (String w : frame.split(" ")) {
                    if (!w.startsWith("{")) {
                        frameWords.add(w);
                    }
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Country c : COUNTRIES) {
            for (String w : List.of(c.country(), c.capital(), c.language(), c.known1(), c.known2())) {
                claim(w, seen, frameWords);
            }
        }
        for (Noun n : NOUNS) {
            for (String w : List.of(n.singular(), n.plural(), n.known1(), n.known2())) {
                claim(w, seen, frameWords);
            }
        }
    }

    private static void claim(String word, Set<String> seen, Set<String> frameWords) {
        if (!seen.add(word) || frameWords.contains(word)) {
            throw new IllegalStateException("the word '" + word + "' plays two parts in the synthetic world");
        }
    }
}
