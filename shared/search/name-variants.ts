/**
 * First names that callers say or spell another way: 'Steven' for Stephen, 'Muhammad' for
 * Mohammed, 'Kieran' for Ciarán, 'Jim' for James. Edit distance alone misses these ('steven'
 * is two edits from 'stephen', 'jim' shares no letters with 'james').
 *
 * Where it came from: written for CivicDesk by hand from common UK usage (everyday English
 * nicknames, Irish, Scottish and Welsh names with their anglicised spellings, and the usual
 * English transliterations of Arabic, Somali, Turkish, Russian, South Asian and West African
 * names seen in London), covering every first name the training data uses that has one.
 * Maintained here: add a group when agents report a miss. Folded spellings only (lower case,
 * no accents or apostrophes), as the index holds them.
 *
 * Each line is one group: every name in it is a variant of every other. A name may sit in
 * more than one group ('chris' is Christopher and Christine); its variants are all of them.
 */
const GROUPS = `
stephen steven stephan stefan steve stevie
mohammed muhammad mohamed mohammad muhammed mohamad mohammod mohd mehmet
catherine katherine kathryn katharine catharine kate katie cathy kathy cath
catriona katriona catrina katrina
katarzyna kasia kate
john jon johnny jonny jack jhon joao
jonathan jon jonny
michael mike mick micky mickey michal mikhail mihai micheal
christopher chris kristopher christoper krzysztof
christian kristian chris
christina kristina cristina christine chris tina christiana
thomas tom tommy tomas tomasz
william will bill billy liam willie guilherme
james jim jimmy jamie hamish
daniel dan danny
samuel sam sammy
samantha sam sammy
joseph joe joey jose giuseppe josef
robert rob bob bobby robbie
peter pete piotr
paul pawel pavel paulo pablo paulius
benjamin ben benny biniam biniyam
frederick freddie freddy fred
alfred alfie alf
charles charlie charley chas
harry henry harrison hal
oliver olly ollie
david dave davey dai dafydd davide dawit
alexander alex alexandr aleksander alessandro alejandro sandy
alexandra alex alexa aleksandra alessandra
alexei alexey aleksei alex
graham graeme grahame
terence terry terrence terrance
kevin kev
mark marc marco marcus
andrew andy andrei andrey andrius andres andre
nicholas nick nicky nikolai nikolay niccolo nicolo
matthew matt mateusz matheus mateus matteo mathew
luke lucas lukas luca lukasz
anthony tony antonio antony
patrick pat paddy padraig patricio
sean shaun shawn shane
ciaran kieran kieron ciaron
eamonn eamon edmund
donal donald
oisin osheen
cian kian
darragh dara
colm colum
brendan brendon
siobhan shivaun chevonne
niamh neve neave
caoimhe keeva
saoirse seersha
roisin rosheen
orla orlagh
sinead shinead
brid bridget brigid
maire moira maura mary
clodagh cloda
eimear emer
iain ian
euan ewan ewen iwan
callum calum
fraser frazer
lachlan lachie lochlan
alasdair alastair alistair alisdair alister
ruaridh ruairidh ruaraidh rory ruairi
eilidh ailie
kirsty kirstie kirsten kristy
mhairi mairi vari
isla islay
rhys reece rees reese
huw hugh hew
owain owen
gethin gethyn
gareth gary
sian shan
carys caris
cerys ceris
bethan beth
rhiannon rhianon
ffion fion
olivia liv livvy
amelia emilia amelie milly
emily emilie emma
jessica jess jessie yesica jesica
sophie sophia sofia zofia sofie
charlotte lottie
lily lilly lillie
chloe cloe
zoe zoey zoee
ellie elly eleanor
hannah hanna hana
lucy lucie lucia
sarah sara
margaret maggie peggy meg malgorzata gosia
susan sue suzanne susanne suzy
elizabeth elisabeth liz lizzie beth betty eliza elisa
patricia pat trish tricia
rebecca rebekah becky becca
joan joanne joanna joana ioana
pauline paula paola
beverley beverly bev
renee rene
abigail abi abbie abby
harriet hattie
rosie rosy
phoebe phebe
dwayne duane dwaine dewayne
jermaine germaine
desmond des
courtney kourtney
marcia marsha
keisha kiesha keesha
shanice shaniece
tanisha tanesha
yvonne evonne
simone simona
monique monica
errol earl
kwame kwami
kwesi kwasi kweku
kwaku kweku
kwadwo kojo
kwabena kobina
adwoa adjoa
efua afua
akua ekua
oluwaseun seun oluseun
olumide mide
babajide jide
adewale wale
olusegun segun
olufemi femi
babatunde tunde
adebayo bayo
ayodele ayo
tobi tobiloba toby
kehinde kenny
funmilayo funmi
adebola bola
temitope tope temi
folasade sade shade
damilola dami
oluwakemi kemi
titilayo titi
abimbola bimbo bimbola
chukwuemeka emeka
ikechukwu ike
chiamaka amaka
adaeze ada
abu abubakar
alusine alhassan
foday fode
alimamy alimami
fatmata fatima fatma fatimah fatema faadumo fadumo fatuma fatoumata
mariatu mariama
isatu isata aisatu
aminata amina aminah emine
kadiatu khadija khadijah kadija hatice
memunatu memuna maimuna
abdirahman abdulrahman abdurahman abdiraman
abdikadir abdulkadir abdiqadir
abdullahi abdullah abdulahi abdalla
ismail ismael esmail ismaeel
yusuf yousef yusef youssef yousuf yosef
bashir basheer
said saeed sayed saed
faisal faysal feisal
ibrahim ebrahim ibraheem
hibo hiba
khadra khadro
nimco nimo
ubah ubax
deeqa deqa
maryan maryam mariam miriam
zainab zaynab zeinab zeynep
abdul abdool
rahim raheem
shahid shaheed
habib habeeb
jamal jamaal
anwar anwer
nasrin nasreen
shirin shireen sirin
rehana rihana
shanaz shahnaz
imran emran
hamza hamzah
usman osman uthman
asif aasif
tariq tarik tarek tareq
zeeshan zishan
ayesha aisha aysha ayse aishah
sana sanaa
nadia nadya nadiya
rubina robina
amna aamna
ahmad ahmed ahmet
mustafa mostafa moustafa mustapha
huseyin hussein husain hussain husein
omar umar omer
karim kareem
khaled khalid
samir sameer
hassan hasan
mahmoud mahmood mahmud
ziad ziyad
layla leila laila leyla
nour noor nur
huda houda
amira ameera
yasmin yasmine yasmeen jasmine jasmin
salma selma
sukru shukru
busra bushra
rajesh raj
vikram vik
sandeep sandip
sanjay sunjay
priya pria
deepa dipa
sunita suneeta
kavita kavitha
lakshmi laxmi
pooja puja
meera mira
ganesh ganesan
prasanth prashanth prashant
sivakumar shivakumar
tharmaraj dharmaraj
vinoth vinod
jeyakumar jayakumar
tharshini dharshini
sivakami shivakami
thanuja tanuja
sharmila sharmela
thushanthan tushanthan
dmitri dmitry dimitri dmitriy
sergei sergey serge sergio
yevgeny evgeny evgeni eugene
artyom artem
natalia natalya natalie nathalie natasha
anastasia nastya
yulia julia iulia giulia julie
irina irena
ekaterina yekaterina katerina katya
svetlana sveta
tatiana tatyana tanya
daria darya dariya
ksenia kseniya xenia
tiago thiago
luis luiz louis lewis
rafael raphael
felipe filipe phillip philip
filipa philippa
ines inez agnes agnieszka
beatriz beatrice beatrix
catarina katarina
mariana marianna
vinicius vinicious
larissa larisa
leticia letitia
camila camilla
gabriela gabriella gabrielle
gabriel gabe
jessenia yesenia
gissela gisela giselle
mayra maira
maritza marisa
veronica veronika
silvia sylvia
javier xavier
ignacio inigo
raul raoul
jorge george jordi gheorghe
julian julien
sebastian seb
oscar oskar
daniela danielle
valentina valentine
angela angie
elena helena helen ellen helene
marta martha
francesca frances
chiara clara kiara
alessia alexia
lorenzo laurence lawrence
francois francis
theo teo
benoit benedict
naomie naomi
lea leah
rachel rachael rahel
christelle christel
yonas jonas
yohannes johannes yohanes
amanuel emmanuel emanuel
filmon philemon
tesfay tesfaye
berhane berhanu
henok enoch
solomon suleiman sulaiman
tewodros theodore
kaleb caleb
bethlehem betelhem
senait senayt
ruta ruth
ieva eva ewa eve
greta gretta
laura lora
darius dariusz
stefania stephanie
andreea andrea
reynaldo reynold rey
jocelyn joselyn
analyn annalyn
maricel marisel
wei way
sivan shivan
welat walat
`;

function variantMap(): ReadonlyMap<string, readonly string[]> {
  const variants = new Map<string, Set<string>>();
  for (const line of GROUPS.split('\n')) {
    const names = line.split(' ').filter((name) => name.length > 0);
    for (const name of names) {
      let set = variants.get(name);
      if (!set) variants.set(name, (set = new Set()));
      for (const other of names) if (other !== name) set.add(other);
    }
  }
  return new Map([...variants].map(([name, set]) => [name, [...set]]));
}

let map: ReadonlyMap<string, readonly string[]> | null = null;

/** Other spellings and short forms of a folded first name ('steven' -> 'stephen', 'steve', …); [] if none. */
export function nameVariants(folded: string): readonly string[] {
  map ??= variantMap();
  return map.get(folded) ?? [];
}
