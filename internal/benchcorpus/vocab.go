package benchcorpus

import "strings"

// Word lists. Order matters: earlier entries are sampled more often (Zipf by rank),
// so the most "ordinary" words for the domain come first.

var nouns = fields(`
session client therapist treatment practice body tissue muscle pressure touch
approach technique practitioner member training course assessment record
consent risk safety benefit condition symptom pain tension breathing posture
movement rhythm skull spine pelvis fascia joint ligament tendon nerve membrane
head neck shoulder back hip knee ankle foot hand wrist jaw rib diaphragm
evidence study research review trial outcome result question answer standard
guideline policy code ethic boundary responsibility insurance certificate
certification registration qualification assessor examiner supervisor tutor
student apprentice module unit hour week month year day minute appointment room
couch table cushion blanket towel oil lotion balm temperature light sound silence
relaxation stress anxiety sleep fatigue recovery injury strain sprain headache
migraine digestion circulation lymph immune system nervous heart lung skin bone
cartilage disc vertebra sacrum cranium brain cord fluid rhythm wave pulse
history tradition school lineage founder teacher pioneer literature textbook
journal article chapter paper handbook manual leaflet note form checklist log
complaint referral doctor nurse physiotherapist osteopath chiropractor midwife
parent child baby infant adult elder family carer partner colleague peer network
association committee board council register database directory office secretary
fee price cost invoice receipt budget account audit report minute agenda meeting
conference workshop seminar webinar event venue region town village county city
hygiene cleanliness infection hand-washing equipment linen allergy contraindication
medication prescription diagnosis scope limit caution warning incident accident
feedback survey interview observation case example scenario principle concept
model theory mechanism hypothesis claim belief expectation placebo effect
reflex zone point meridian channel energy flow balance harmony stillness presence
listening attention awareness intention contact hold release unwinding stretch
massage reflexology aromatherapy reiki shiatsu acupressure osteopathy
`)

var adjectives = fields(`
gentle light careful safe professional qualified registered accredited clinical
practical simple clear calm quiet slow steady regular brief long short deep
soft firm subtle small large general specific common rare important useful
effective reliable consistent thorough detailed careful informed written verbal
physical emotional mental social personal private public local national regional
independent formal informal annual initial final current previous recent early
late modern traditional classical complementary alternative conventional medical
holistic structural functional cranial sacral spinal muscular skeletal neural
vascular lymphatic digestive respiratory postural chronic acute mild moderate
severe minor major possible likely unlikely obvious hidden sensitive tender warm
cool dry relaxed tense stiff mobile restricted balanced stable open honest
ethical responsible accountable transparent fair reasonable appropriate suitable
reputable experienced junior senior new established continuing supervised
practical theoretical anatomical physiological scientific anecdotal systematic
randomised controlled small-scale peer-reviewed published unpublished limited
broad narrow realistic cautious thoughtful patient curious welcoming friendly
`)

var verbs = fields(`
help support describe explain suggest show include involve require allow reduce
improve ease relieve affect change influence encourage notice feel find see
consider discuss record review assess check confirm ask answer offer provide
apply use hold release follow guide teach learn practise study test measure
compare report explore observe listen respond adapt adjust modify refer advise
recommend expect agree protect maintain keep renew complete attend register pass
fail meet cover address manage prepare plan book cancel arrange contact invite
welcome inform remind update publish share discuss question challenge balance
restore calm settle soften lengthen align move rest breathe connect combine
`)

var adverbs = fields(`
gently carefully slowly usually often sometimes rarely always never generally
typically clearly simply quietly steadily regularly briefly fully partly mostly
largely widely closely directly gradually naturally safely properly formally
informally particularly especially increasingly consistently reliably
`)

var roles = fields(`
practitioner therapist member student tutor assessor client parent carer
supervisor trainee reflexologist aromatherapist masseur midwife nurse
`)

var modalities = []string{
	"Craniosacral therapy", "Reflexology", "Aromatherapy", "Massage therapy",
	"Reiki", "Shiatsu", "Bowen technique", "Indian head massage",
	"Sports massage", "Lymphatic drainage", "Acupressure", "Hot stone massage",
	"Pregnancy massage", "Baby massage", "Thai massage", "Myofascial release",
	"Visceral manipulation", "Polarity therapy", "Zero balancing", "Metamorphic technique",
}

var tags = fields(`
anatomy safety certification craniosacral reflexology aromatherapy massage
research ethics training cpd insurance children pregnancy older-adults pain
stress sleep practice-management regulation hygiene consent case-studies history
news events members complaints first-aid supervision
`)

var languages = []string{
	"English", "Welsh", "Scottish Gaelic", "Irish", "Polish", "Punjabi", "Urdu",
	"Bengali", "Gujarati", "French", "Spanish", "Portuguese", "German", "Italian",
	"Romanian", "Arabic", "Cantonese", "Mandarin", "Turkish", "British Sign Language",
}

// Invented name parts: combined, they give clearly fictional names.
var givenA = fields(`Ael Bry Cal Dar Eil Fen Gwy Hal Isol Jor Kel Lir Mor Nel Ori Pel Quin Ros Sel Tam Ul Ves Wyn Yor Zel Bel Cor Dun Ember Fal`)
var givenB = fields(`wen ric a ena is an ette o yn ia del ward mira ton issa ley orn ith ara en`)
var familyA = fields(`Thorn Ash Brack Cinder Dun Elder Fern Gorse Hazel Iver Juniper Kestrel Larch Moss Nettle Oak Pebble Quarry Rowan Sedge Teasel Umber Vetch Willow Yarrow Bramble Clover Heron Linnet Marram`)
var familyB = fields(`wick combe ley field ridge brook worth stead mere holt by thwaite ford hurst dale cote well gate shaw ton`)

var townA = fields(`Ash Brack Carl Dun Elm Fox Glen Hart Ing Kirk Lang Mar Nether Over Pen Red Stan Thorn Up Wes Whit Yar Bel Cold Frith`)
var townB = fields(`bridge bury chester combe dale field ford ham hampton ley minster mouth port stead stow ton well wick worth by`)

var publishersA = fields(`Harrow Meadow Lantern Quill Bracken Kestrel Saltmarsh Orchard Tidewater Greyfriars Linden Hollow`)
var publishersB = []string{"Press", "Books", "Publishing", "House", "& Daughters", "Editions", "Academic"}

type region struct {
	name           string
	latMin, latMax float64
	lonMin, lonMax float64
	postcodeAreas  []string
}

var regions = []region{
	{"Scotland", 55.0, 58.4, -5.8, -2.1, []string{"AB", "DD", "EH", "G", "IV", "KY", "PH", "FK"}},
	{"North East", 54.5, 55.5, -2.2, -1.2, []string{"NE", "DH", "SR", "TS"}},
	{"North West", 53.3, 54.8, -3.2, -2.0, []string{"M", "L", "PR", "CA", "BB", "LA"}},
	{"Yorkshire and the Humber", 53.4, 54.3, -2.0, -0.2, []string{"LS", "YO", "HU", "S", "BD", "HG"}},
	{"Wales", 51.5, 53.3, -4.6, -3.0, []string{"CF", "SA", "LL", "SY", "NP", "LD"}},
	{"West Midlands", 52.2, 53.0, -2.6, -1.6, []string{"B", "CV", "WR", "ST", "WV"}},
	{"East Midlands", 52.5, 53.3, -1.6, -0.3, []string{"NG", "DE", "LE", "LN", "NN"}},
	{"East of England", 51.8, 52.8, 0.0, 1.6, []string{"NR", "IP", "CB", "CO", "PE"}},
	{"London", 51.35, 51.65, -0.4, 0.2, []string{"N", "E", "SE", "SW", "W", "NW"}},
	{"South East", 50.8, 51.5, -1.3, 1.3, []string{"BN", "GU", "RH", "CT", "OX", "TN"}},
	{"South West", 50.1, 51.4, -5.5, -2.0, []string{"EX", "TR", "PL", "BS", "BA", "TQ"}},
	{"Northern Ireland", 54.1, 55.2, -7.8, -5.6, []string{"BT"}},
}

// Syllables for the long tail of rare technical terms (Latin-ish anatomy, plant and
// oil names, invented place names). They make the vocabulary grow with corpus size
// the way real text does, so a search index is not unrealistically small.
var syl1 = fields(`ab ac ad al am an ar as at ba be bi bo ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ha he hi la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze`)
var syl2 = fields(`b c d f g l m n p r s t v x br cr dr gr pl pr st tr`)
var sylEnd = fields(`us um is a ae al ar ine ose ium ian ic oid ata ella ina or ex ix on ens ulus`)

func fields(s string) []string { return strings.Fields(s) }
