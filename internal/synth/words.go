package synth

import (
	"math/rand/v2"
	"strings"
	"sync"
)

// The word lists are fixed, not drawn from the seed, so that a benchmark
// can name a common or a rare word and find it in every generated file.

// commonWords are frequent English words of news writing, most frequent
// first: the head of the Zipf distribution that body text is drawn from.
var commonWords = strings.Fields(`
the of and to a in that is for on was said with he it as at by from his
be have has are an not they had who but were this which their been its
after more will or she would about her one year new also two other when
than first people over last up out into state there percent no all we
government could officials law court president city federal news report
department police county can what because those some public under mayor
told policy since before years time any most against three official then
week during including national may him them between made where million
while our while later both only through such told case immigration
including members vote house senate police office agency former general
according called board officers judge rule city's local statement order
health plan program workers company school law enforcement support
lawsuit decision federal attorney justice investigation campaign election
leaders administration budget council community residents committee
sheriff governor minister ruling appeals hearing testimony evidence
reporters interview spokesman spokeswoman documents records memo letter
agreement deal contract funding money tax taxes billion dollars cost
costs pay market prices business industry jobs union strike workers
protest protesters march rally crowd police arrested charges charged
prosecutors trial jury verdict sentence prison jail release released
border security military troops war peace talks treaty allies country
countries foreign international world region regional city town village
river bridge road highway airport port station hospital university
school students teachers parents children families women men young old
water power energy oil gas coal climate storm flood fire drought heat
data study research scientists experts analysis survey poll voters
democrats republicans party parties candidate candidates governor's
legislature legislation bill bills measure measures amendment reform
rules regulators regulation commission agency's director chief head
executive manager spokesperson adviser aide aides staff employees
announced announced reported confirmed denied declined refused agreed
approved rejected signed vetoed passed blocked ordered filed sued won
lost led left took gave made came went began ended opened closed
moved raised cut added found showed said says say saying asked told
tell warned urged called expected planned proposed issued published
early late recent previous next final major key large small high low
long short full part half many few several some each every whole
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october
november december morning night evening afternoon today yesterday
however although though despite because while whether unless until
`)

// rarePeople, places, publishers and tags: the proper names a chronology
// is full of, some of them not ASCII, so that searches must fold accents.
var (
	firstNames = strings.Fields(`
James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth
David Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen
Christopher Nancy Daniel Lisa Matthew Betty Anthony Margaret Mark Sandra
José María Zoë François Søren Łukasz Jürgen Ñusta Ángel Élodie Björn Çağla
Dvořák Ólafur Ana Luis Carmen Jorge Sofía Mateo Lucía Nguyễn Thảo Chloé
Renée Noémie Mønica Günther Håkon Zdeněk Małgorzata Željko Ayşe İlker
Amara Kwame Olumide Chidi Fatima Omar Yusuf Leila Ravi Priya Arjun Mei
Hiroshi Yuki Jae Min Seo Li Wei Chen Aleksandr Olga Dmitri Natalia`)
	lastNames = strings.Fields(`
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
Hernández López González Wilson Anderson Thomas Taylor Moore Jackson
Martin Lee Pérez Thompson White Harris Sánchez Clark Ramírez Lewis Robinson
Walker Young Allen King Wright Scott Torres Nguyễn Hill Flores Green Adams
Müller Schäfer Gößling Åström Kierkegaard Żuławski Dvořáková Ólafsdóttir
Çelik Yılmaz Öztürk Novák Kováč Jovanović Núñez Peña Muñoz Ibáñez Íñiguez
Okafor Mensah Diallo Haddad Khalil Patel Sharma Tanaka Sato Kim Park Wang
Zhang Ivanov Petrova Rossi Bianchi Dubois Lefèvre Moreau Fontaine Gaultier`)
	placeNames = []string{
		"Washington, D.C.", "New York", "Los Angeles", "Chicago", "Houston",
		"Phoenix", "Philadelphia", "San Antonio", "San Diego", "Dallas",
		"San José, California", "Austin, Texas", "Oakland, California",
		"Sacramento, California", "Seattle", "Denver", "Boston", "Atlanta",
		"Miami", "Detroit", "Minneapolis", "Portland, Oregon", "Albuquerque",
		"Santa Fe, New Mexico", "Tucson, Arizona", "El Paso, Texas",
		"Ciudad Juárez", "México City", "Querétaro", "Mérida", "Bogotá",
		"São Paulo", "Brasília", "Montréal", "Québec City", "Zürich",
		"Genève", "Düsseldorf", "München", "Köln", "Malmö", "Göteborg",
		"Kraków", "Łódź", "Gdańsk", "Reykjavík", "Tromsø", "Århus",
		"Besançon", "Orléans", "Nîmes", "A Coruña", "Cádiz", "Málaga",
		"Córdoba", "İstanbul", "Ankara", "Thessaloníki", "Plzeň", "Brno",
		"Hà Nội", "Đà Nẵng", "Kyoto", "Seoul", "Lagos", "Accra", "Nairobi",
		"Cairo", "Beirut", "Amman", "Mumbai", "Delhi", "Karachi", "Dhaka",
		"London", "Paris", "Berlin", "Madrid", "Rome", "Lisbon", "Dublin",
		"Brussels", "The Hague", "Vienna", "Prague", "Warsaw", "Kyiv",
		"Moscow", "Beijing", "Tokyo", "Sydney", "Auckland", "Lima",
		"Santiago", "Buenos Aires", "Caracas", "Havana", "Toronto",
		"Vancouver", "Ottawa", "Anchorage", "Honolulu", "Juneau",
		"Ravalli County, Montana", "Graham County, Arizona", "Cook County, Illinois",
	}
	publishers = []string{
		"The New York Times", "The Washington Post", "The Wall Street Journal",
		"Associated Press", "Reuters", "Los Angeles Times", "Chicago Tribune",
		"The Boston Globe", "San Francisco Chronicle", "The Guardian",
		"BBC News", "NPR", "PBS NewsHour", "CNN", "ProPublica", "Politico",
		"The Atlantic", "Bloomberg", "Financial Times", "The Economist",
		"Le Monde", "El País", "Süddeutsche Zeitung", "Die Zeit",
		"Corriere della Sera", "La Jornada", "Folha de S.Paulo", "Le Devoir",
		"Neue Zürcher Zeitung", "Dagens Nyheter", "Gazeta Wyborcza",
		"Capital Public Radio", "Texas Tribune", "CalMatters",
		"Courthouse News Service", "Federal Register", "Supreme Court of the United States",
		"U.S. Department of Justice", "Congressional Research Service", "Pew Research Center",
	}
	tagWords = strings.Fields(`
immigration sanctuary-policy federalism litigation courts elections
congress senate house budget taxes health education housing transit
climate energy water wildfire flood drought agriculture labor unions
trade tariffs economy inflation jobs policing prisons civil-rights
voting-rights redistricting supreme-court appeals-court doj fbi ice
border military veterans foreign-policy diplomacy sanctions china
mexico canada europe middle-east africa asia latin-america technology
privacy surveillance social-media artificial-intelligence antitrust
banking crypto pensions social-security medicare medicaid opioids
public-health vaccines pandemic hospitals science space weather
infrastructure bridges highways rail aviation shipping ports
first-term second-term executive-orders memos hearings investigations
indictments trials verdicts appeals settlements protests strikes
city-council state-legislature governors mayors sheriffs prosecutors
campaign-finance lobbying ethics corruption whistleblowers press-freedom`)
)

// syllables build the long tail of the vocabulary: rare words, names of
// things, jargon. A few carry accents, as loanwords and names do.
var syllables = strings.Fields(`
ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no
nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi
vo za zo dra tre pli gro sto fla bra kri spe tor ven dal mar sin gol fen
rax quin lor vel bar ter mon cas del por tin ran ges ous ian ist ment
ble ton sey ric ham wick ley ford mere dor zan ké ñu ló ré ü ø å ç`)

// tailWords is how many made-up words follow the common ones.
const tailWords = 30000

// vocab is the vocabulary of body text: the common words, then the tail,
// built on first use (building it takes a while, and every test binary
// that imports this package starts, often many times, without needing it).
var vocab = sync.OnceValue(buildVocab)

func buildVocab() []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range commonWords {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	r := rand.New(rand.NewPCG(0x5eed, 0xb0c5))
	for len(out) < len(commonWords)+tailWords {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		w := b.String()
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// Vocabulary returns the words body text is drawn from, most frequent
// first (a Zipf distribution over this order). Benchmarks use it to name a
// common word (a low index) and a rare one (a high index).
func Vocabulary() []string { return vocab() }
