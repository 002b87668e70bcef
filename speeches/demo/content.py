# Demo content for the press office archive: people, topics, countries and publications.
#
# Everything here is fictional demo text written in a neutral diplomatic register (some people,
# outlets and events are invented); it is not a record of real statements. Pure data module:
# no Django imports. Dates in "published_at" are local time (Europe/Moscow), ISO 8601 without
# seconds. Versions are keyed by language code (en, ru, de, fr, es, ar); every publication has
# a version in its original language, and language coverage varies on purpose.
"""Demo people, topics, countries and publications for the press office."""

# People who can be credited as speakers or authors. Igor Vetrov and Elena Sorokina are fictional.
PERSONS = [
    {
        "key": "lavrov",
        "name": {
            "en": "Sergey Lavrov",
            "ru": "Сергей Лавров",
            "de": "Sergej Lawrow",
            "fr": "Sergueï Lavrov",
            "es": "Serguéi Lavrov",
            "ar": "سيرغي لافروف",
        },
        "position": {
            "en": "Minister of Foreign Affairs",
            "ru": "Министр иностранных дел",
            "de": "Außenminister",
            "fr": "Ministre des Affaires étrangères",
            "es": "Ministro de Asuntos Exteriores",
            "ar": "وزير الخارجية",
        },
    },
    {
        "key": "zakharova",
        "name": {
            "en": "Maria Zakharova",
            "ru": "Мария Захарова",
            "de": "Maria Sacharowa",
            "fr": "Maria Zakharova",
            "es": "María Zajárova",
            "ar": "ماريا زاخاروفا",
        },
        "position": {
            "en": "Foreign Ministry Spokesperson",
            "ru": "Официальный представитель МИД России",
            "de": "Sprecherin des Außenministeriums",
            "fr": "Porte-parole du ministère des Affaires étrangères",
            "es": "Portavoz del Ministerio de Asuntos Exteriores",
            "ar": "المتحدثة الرسمية باسم وزارة الخارجية",
        },
    },
    {
        "key": "ryabkov",
        "name": {
            "en": "Sergey Ryabkov",
            "ru": "Сергей Рябков",
            "de": "Sergej Rjabkow",
            "fr": "Sergueï Riabkov",
            "es": "Serguéi Riabkov",
            "ar": "سيرغي ريابكوف",
        },
        "position": {
            "en": "Deputy Minister of Foreign Affairs",
            "ru": "Заместитель Министра иностранных дел",
            "de": "Stellvertretender Außenminister",
            "fr": "Vice-ministre des Affaires étrangères",
            "es": "Viceministro de Asuntos Exteriores",
            "ar": "نائب وزير الخارجية",
        },
    },
    {
        "key": "grushko",
        "name": {
            "en": "Alexander Grushko",
            "ru": "Александр Грушко",
            "de": "Alexander Gruschko",
            "fr": "Alexandre Grouchko",
            "es": "Alexandr Grushko",
            "ar": "ألكسندر غروشكو",
        },
        "position": {
            "en": "Deputy Minister of Foreign Affairs",
            "ru": "Заместитель Министра иностранных дел",
            "de": "Stellvertretender Außenminister",
            "fr": "Vice-ministre des Affaires étrangères",
            "es": "Viceministro de Asuntos Exteriores",
            "ar": "نائب وزير الخارجية",
        },
    },
    {
        "key": "rudenko",
        "name": {
            "en": "Andrey Rudenko",
            "ru": "Андрей Руденко",
            "de": "Andrej Rudenko",
            "fr": "Andreï Roudenko",
            "es": "Andréi Rudenko",
            "ar": "أندريه رودينكو",
        },
        "position": {
            "en": "Deputy Minister of Foreign Affairs",
            "ru": "Заместитель Министра иностранных дел",
            "de": "Stellvertretender Außenminister",
            "fr": "Vice-ministre des Affaires étrangères",
            "es": "Viceministro de Asuntos Exteriores",
            "ar": "نائب وزير الخارجية",
        },
    },
    {
        "key": "nebenzia",
        "name": {
            "en": "Vassily Nebenzia",
            "ru": "Василий Небензя",
            "de": "Wassili Nebensja",
            "fr": "Vassili Nebenzia",
            "es": "Vasili Nebenzia",
            "ar": "فاسيلي نيبينزيا",
        },
        "position": {
            "en": "Permanent Representative of Russia to the United Nations",
            "ru": "Постоянный представитель России при ООН",
            "de": "Ständiger Vertreter Russlands bei den Vereinten Nationen",
            "fr": "Représentant permanent de la Russie auprès de l'ONU",
            "es": "Representante Permanente de Rusia ante las Naciones Unidas",
            "ar": "المندوب الدائم لروسيا لدى الأمم المتحدة",
        },
    },
    {
        "key": "vetrov",
        "name": {
            "en": "Igor Vetrov",
            "ru": "Игорь Ветров",
            "de": "Igor Wetrow",
            "fr": "Igor Vetrov",
            "es": "Ígor Vetrov",
            "ar": "إيغور فيتروف",
        },
        "position": {
            "en": "Director of the Consular Department",
            "ru": "Директор Консульского департамента",
            "de": "Direktor des Konsularischen Departements",
            "fr": "Directeur du Département consulaire",
            "es": "Director del Departamento Consular",
            "ar": "مدير الإدارة القنصلية",
        },
    },
    {
        "key": "sorokina",
        "name": {
            "en": "Elena Sorokina",
            "ru": "Елена Сорокина",
            "de": "Jelena Sorokina",
            "fr": "Elena Sorokina",
            "es": "Elena Sorókina",
            "ar": "يلينا سوروكينا",
        },
        "position": {
            "en": "Ambassador of Russia to Brazil",
            "ru": "Посол России в Бразилии",
            "de": "Botschafterin Russlands in Brasilien",
            "fr": "Ambassadrice de Russie au Brésil",
            "es": "Embajadora de Rusia en Brasil",
            "ar": "سفيرة روسيا لدى البرازيل",
        },
    },
]

# Topic keys double as URL slugs.
TOPICS = [
    {
        "key": "union-state",
        "name": {
            "en": "Union State",
            "ru": "Союзное государство",
            "de": "Unionsstaat",
            "fr": "État de l'Union",
            "es": "Estado de la Unión",
            "ar": "دولة الاتحاد",
        },
    },
    {
        "key": "strategic-stability",
        "name": {
            "en": "Strategic stability",
            "ru": "Стратегическая стабильность",
            "de": "Strategische Stabilität",
            "fr": "Stabilité stratégique",
            "es": "Estabilidad estratégica",
            "ar": "الاستقرار الاستراتيجي",
        },
    },
    {
        "key": "european-security",
        "name": {
            "en": "European security",
            "ru": "Европейская безопасность",
            "de": "Europäische Sicherheit",
            "fr": "Sécurité européenne",
            "es": "Seguridad europea",
            "ar": "الأمن الأوروبي",
        },
    },
    {
        "key": "united-nations",
        "name": {
            "en": "United Nations",
            "ru": "Организация Объединенных Наций",
            "de": "Vereinte Nationen",
            "fr": "Organisation des Nations unies",
            "es": "Naciones Unidas",
            "ar": "الأمم المتحدة",
        },
    },
    {
        "key": "international-law",
        "name": {
            "en": "International law",
            "ru": "Международное право",
            "de": "Völkerrecht",
            "fr": "Droit international",
            "es": "Derecho internacional",
            "ar": "القانون الدولي",
        },
    },
    {
        "key": "brics",
        "name": {
            "en": "BRICS",
            "ru": "БРИКС",
            "de": "BRICS",
            "fr": "BRICS",
            "es": "BRICS",
            "ar": "مجموعة بريكس",
        },
    },
    {
        "key": "sco",
        "name": {
            "en": "Shanghai Cooperation Organisation",
            "ru": "Шанхайская организация сотрудничества",
            "de": "Shanghaier Organisation für Zusammenarbeit",
            "fr": "Organisation de coopération de Shanghai",
            "es": "Organización de Cooperación de Shanghái",
            "ar": "منظمة شنغهاي للتعاون",
        },
    },
    {
        "key": "eaeu",
        "name": {
            "en": "Eurasian Economic Union",
            "ru": "Евразийский экономический союз",
            "de": "Eurasische Wirtschaftsunion",
            "fr": "Union économique eurasiatique",
            "es": "Unión Económica Euroasiática",
            "ar": "الاتحاد الاقتصادي الأوراسي",
        },
    },
    {
        "key": "asia-pacific",
        "name": {
            "en": "Asia-Pacific region",
            "ru": "Азиатско-Тихоокеанский регион",
            "de": "Asiatisch-pazifischer Raum",
            "fr": "Région Asie-Pacifique",
            "es": "Región de Asia-Pacífico",
            "ar": "منطقة آسيا والمحيط الهادئ",
        },
    },
    {
        "key": "middle-east",
        "name": {
            "en": "Middle East and North Africa",
            "ru": "Ближний Восток и Северная Африка",
            "de": "Naher Osten und Nordafrika",
            "fr": "Moyen-Orient et Afrique du Nord",
            "es": "Oriente Medio y Norte de África",
            "ar": "الشرق الأوسط وشمال أفريقيا",
        },
    },
    {
        "key": "latin-america",
        "name": {
            "en": "Latin America",
            "ru": "Латинская Америка",
            "de": "Lateinamerika",
            "fr": "Amérique latine",
            "es": "América Latina",
            "ar": "أمريكا اللاتينية",
        },
    },
    {
        "key": "arctic",
        "name": {
            "en": "Arctic",
            "ru": "Арктика",
            "de": "Arktis",
            "fr": "Arctique",
            "es": "Ártico",
            "ar": "القطب الشمالي",
        },
    },
    {
        "key": "consular-affairs",
        "name": {
            "en": "Consular affairs",
            "ru": "Консульские вопросы",
            "de": "Konsularische Angelegenheiten",
            "fr": "Affaires consulaires",
            "es": "Asuntos consulares",
            "ar": "الشؤون القنصلية",
        },
    },
    {
        "key": "humanitarian-cooperation",
        "name": {
            "en": "Cultural and humanitarian cooperation",
            "ru": "Культурно-гуманитарное сотрудничество",
            "de": "Kulturelle und humanitäre Zusammenarbeit",
            "fr": "Coopération culturelle et humanitaire",
            "es": "Cooperación cultural y humanitaria",
            "ar": "التعاون الثقافي والإنساني",
        },
    },
    {
        "key": "international-information-security",
        "name": {
            "en": "International information security",
            "ru": "Международная информационная безопасность",
            "de": "Internationale Informationssicherheit",
            "fr": "Sécurité internationale de l'information",
            "es": "Seguridad internacional de la información",
            "ar": "أمن المعلومات الدولي",
        },
    },
]

# ISO 3166-1 alpha-2 codes; display names come from CLDR.
COUNTRIES = [
    "BY",
    "US",
    "DE",
    "FR",
    "CN",
    "IN",
    "BR",
    "ZA",
    "EG",
    "AE",
    "KZ",
    "RS",
    "ES",
    "MX",
    "VN",
    "NO",
    "AR",
    "AM",
]

PUBLICATIONS = [
    {
        "reference": "1004-06-06-2016",
        "type": "comment",
        "published_at": "2016-06-06T10:00",
        "original_language": "ru",
        "speakers": ["zakharova"],
        "topics": ["humanitarian-cooperation"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Comment by Foreign Ministry Spokesperson Maria Zakharova on Russian Language "
                    "Day"
                ),
                "lead": (
                    "On Alexander Pushkin's birthday, Russia celebrates Russian Language Day, "
                    "which is also marked by the United Nations."
                ),
                "place": "",
                "body": (
                    "<p>On June 6, the birthday of the great Russian poet Alexander Pushkin, we "
                    "celebrate Russian Language Day. Since 2010, this date has also been marked "
                    "by the United Nations, where Russian is one of the six official "
                    "languages.</p>\n"
                    "<p>Russian is spoken by millions of people around the world. It is not only "
                    "the language of great literature and science, but also a means of "
                    "communication between peoples and cultures. Interest in learning Russian "
                    "remains high in many countries, and Russian embassies and Russian Houses "
                    "abroad support language courses, competitions and Olympiads.</p>\n"
                    "<p>We congratulate everyone who speaks, studies and teaches Russian on this "
                    "holiday and thank our foreign friends for their love of the Russian language "
                    "and culture.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Комментарий официального представителя МИД России М.В.Захаровой в связи с "
                    "Днем русского языка"
                ),
                "lead": (
                    "В день рождения А.С.Пушкина в России отмечается День русского языка, который "
                    "празднуется и в Организации Объединенных Наций."
                ),
                "place": "",
                "body": (
                    "<p>6 июня, в день рождения великого русского поэта Александра Сергеевича "
                    "Пушкина, мы отмечаем День русского языка. С 2010 года эта дата отмечается и "
                    "в ООН, где русский является одним из шести официальных языков.</p>\n"
                    "<p>На русском языке говорят миллионы людей по всему миру. Это не только язык "
                    "великой литературы и науки, но и средство общения между народами и "
                    "культурами. Интерес к изучению русского языка во многих странах остается "
                    "высоким, российские посольства и Русские дома за рубежом поддерживают "
                    "языковые курсы, конкурсы и олимпиады.</p>\n"
                    "<p>Поздравляем с праздником всех, кто говорит на русском языке, изучает и "
                    "преподает его, и благодарим наших зарубежных друзей за любовь к русскому "
                    "языку и культуре.</p>"
                ),
            },
            "de": {
                "title": (
                    "Kommentar der Sprecherin des russischen Außenministeriums, Maria Sacharowa, "
                    "zum Tag der russischen Sprache"
                ),
                "lead": (
                    "Am Geburtstag Alexander Puschkins feiert Russland den Tag der russischen "
                    "Sprache, der auch von den Vereinten Nationen begangen wird."
                ),
                "place": "",
                "body": (
                    "<p>Am 6. Juni, dem Geburtstag des großen russischen Dichters Alexander "
                    "Puschkin, feiern wir den Tag der russischen Sprache. Seit 2010 wird dieser "
                    "Tag auch bei den Vereinten Nationen begangen, wo Russisch eine der sechs "
                    "Amtssprachen ist.</p>\n"
                    "<p>Russisch wird von Millionen Menschen auf der ganzen Welt gesprochen. Es "
                    "ist nicht nur die Sprache großer Literatur und Wissenschaft, sondern auch "
                    "ein Mittel der Verständigung zwischen Völkern und Kulturen. Das Interesse am "
                    "Erlernen der russischen Sprache ist in vielen Ländern nach wie vor groß, und "
                    "russische Botschaften und Russische Häuser im Ausland unterstützen "
                    "Sprachkurse, Wettbewerbe und Olympiaden.</p>\n"
                    "<p>Wir gratulieren allen, die Russisch sprechen, lernen und unterrichten, zu "
                    "diesem Festtag und danken unseren ausländischen Freunden für ihre Liebe zur "
                    "russischen Sprache und Kultur.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Commentaire de Mme Maria Zakharova, porte-parole du ministère russe des "
                    "Affaires étrangères, à l'occasion de la Journée de la langue russe"
                ),
                "lead": (
                    "Le jour de l'anniversaire d'Alexandre Pouchkine, la Russie célèbre la "
                    "Journée de la langue russe, également marquée par l'Organisation des Nations "
                    "unies."
                ),
                "place": "",
                "body": (
                    "<p>Le 6 juin, jour de l'anniversaire du grand poète russe Alexandre "
                    "Pouchkine, nous célébrons la Journée de la langue russe. Depuis 2010, cette "
                    "date est également célébrée aux Nations unies, où le russe est l'une des six "
                    "langues officielles.</p>\n"
                    "<p>Le russe est parlé par des millions de personnes dans le monde. C'est non "
                    "seulement la langue d'une grande littérature et de la science, mais aussi un "
                    "moyen de communication entre les peuples et les cultures. L'intérêt pour "
                    "l'apprentissage du russe reste élevé dans de nombreux pays, et les "
                    "ambassades de Russie et les Maisons russes à l'étranger soutiennent des "
                    "cours de langue, des concours et des olympiades.</p>\n"
                    "<p>À l'occasion de cette fête, nous félicitons tous ceux qui parlent, "
                    "étudient et enseignent le russe, et remercions nos amis étrangers pour leur "
                    "amour de la langue et de la culture russes.</p>"
                ),
            },
            "es": {
                "title": (
                    "Comentario de la portavoz del Ministerio de Asuntos Exteriores de Rusia, "
                    "María Zajárova, con motivo del Día de la Lengua Rusa"
                ),
                "lead": (
                    "En el aniversario del nacimiento de Alexandr Pushkin, Rusia celebra el Día "
                    "de la Lengua Rusa, que también conmemoran las Naciones Unidas."
                ),
                "place": "",
                "body": (
                    "<p>El 6 de junio, aniversario del nacimiento del gran poeta ruso Alexandr "
                    "Pushkin, celebramos el Día de la Lengua Rusa. Desde 2010, esta fecha también "
                    "se conmemora en las Naciones Unidas, donde el ruso es uno de los seis "
                    "idiomas oficiales.</p>\n"
                    "<p>El ruso es hablado por millones de personas en todo el mundo. No es solo "
                    "la lengua de una gran literatura y de la ciencia, sino también un medio de "
                    "comunicación entre pueblos y culturas. El interés por aprender ruso sigue "
                    "siendo alto en muchos países, y las embajadas rusas y las Casas Rusas en el "
                    "extranjero apoyan cursos de idiomas, concursos y olimpiadas.</p>\n"
                    "<p>Felicitamos en este día festivo a todos los que hablan, estudian y "
                    "enseñan ruso, y agradecemos a nuestros amigos extranjeros su cariño por la "
                    "lengua y la cultura rusas.</p>"
                ),
            },
            "ar": {
                "title": (
                    "تعليق المتحدثة الرسمية باسم وزارة الخارجية الروسية ماريا زاخاروفا بمناسبة "
                    "يوم اللغة الروسية"
                ),
                "lead": (
                    "تحتفل روسيا في ذكرى ميلاد ألكسندر بوشكين بيوم اللغة الروسية، الذي تحتفي به "
                    "الأمم المتحدة أيضًا."
                ),
                "place": "",
                "body": (
                    "<p>نحتفل في السادس من يونيو، ذكرى ميلاد الشاعر الروسي العظيم ألكسندر بوشكين، "
                    "بيوم اللغة الروسية. ومنذ عام 2010، تحتفي الأمم المتحدة أيضًا بهذا التاريخ، "
                    "إذ إن الروسية إحدى لغاتها الرسمية الست.</p>\n"
                    "<p>يتحدث اللغة الروسية ملايين الأشخاص حول العالم. وهي ليست لغة الأدب العظيم "
                    "والعلم فحسب، بل هي أيضًا وسيلة للتواصل بين الشعوب والثقافات. ولا يزال "
                    "الاهتمام بتعلم اللغة الروسية كبيرًا في كثير من البلدان، وتدعم السفارات "
                    "الروسية والبيوت الروسية في الخارج دورات اللغة والمسابقات والأولمبيادات.</p>\n"
                    "<p>نهنئ بهذه المناسبة كل من يتحدث اللغة الروسية ويتعلمها ويعلّمها، ونشكر "
                    "أصدقاءنا الأجانب على محبتهم للغة الروسية وثقافتها.</p>"
                ),
            },
        },
    },
    {
        "reference": "1189-05-07-2016",
        "type": "answer_to_media",
        "published_at": "2016-07-05T12:40",
        "original_language": "ru",
        "speakers": ["zakharova"],
        "topics": ["consular-affairs"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Foreign Ministry Spokesperson Maria Zakharova's answer to a media question "
                    "about consular assistance during the summer holiday season"
                ),
                "lead": (
                    "Maria Zakharova reminded Russian tourists of basic safety rules and of how "
                    "to contact consular offices abroad."
                ),
                "place": "Moscow",
                "body": (
                    "<p><strong>Question:</strong> Many Russians are going on holiday abroad this "
                    "summer. What would the Foreign Ministry advise them?</p>\n"
                    "<p><strong>Maria Zakharova:</strong> First of all, we recommend checking in "
                    "advance the entry rules of the country you are travelling to, as well as the "
                    "validity of your passport and insurance. It is useful to save the contact "
                    "details of the nearest Russian embassy or consulate general in your phone. "
                    "You can find them on the Foreign Ministry's website.</p>\n"
                    "<p>If you find yourself in a difficult situation, for example, if you lose "
                    "your documents, do not hesitate to contact our consular officers. In "
                    "emergencies they work around the clock and will do everything possible to "
                    "help.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Ответ официального представителя МИД России М.В.Захаровой на вопрос СМИ о "
                    "консульской помощи в период летних отпусков"
                ),
                "lead": (
                    "М.В.Захарова напомнила российским туристам об основных правилах безопасности "
                    "и о том, как связаться с консульскими учреждениями за рубежом."
                ),
                "place": "Москва",
                "body": (
                    "<p><strong>Вопрос:</strong> Этим летом многие россияне отправляются в отпуск "
                    "за границу. Что бы им посоветовали в МИД?</p>\n"
                    "<p><strong>М.В.Захарова:</strong> Прежде всего рекомендуем заранее уточнить "
                    "правила въезда в страну, куда вы направляетесь, а также проверить срок "
                    "действия паспорта и страховки. Полезно сохранить в телефоне контакты "
                    "ближайшего российского посольства или генерального консульства. Их можно "
                    "найти на сайте МИД России.</p>\n"
                    "<p>Если вы оказались в сложной ситуации, например потеряли документы, не "
                    "стесняйтесь обращаться к нашим консульским сотрудникам. В экстренных случаях "
                    "они работают круглосуточно и сделают все возможное, чтобы помочь.</p>"
                ),
            },
        },
    },
    {
        "reference": "1276-08-07-2016",
        "type": "article",
        "published_at": "2016-07-08T09:00",
        "original_language": "ru",
        "speakers": ["sorokina"],
        "topics": ["latin-america", "humanitarian-cooperation"],
        "countries": ["BR"],
        "versions": {
            "en": {
                "title": (
                    "Article by Ambassador of Russia to Brazil Elena Sorokina on "
                    "Russian-Brazilian cultural ties"
                ),
                "lead": (
                    "The ambassador writes about the growing interest of Brazilians in Russian "
                    "culture and the prospects for educational exchanges."
                ),
                "place": "",
                "body": (
                    "<p>Russia and Brazil are separated by thousands of kilometres, but our "
                    "peoples have long been drawn to each other's culture. Brazilian audiences "
                    "warmly welcome Russian ballet and classical music, while Brazilian "
                    "literature, cinema and music have many admirers in Russia. The Bolshoi "
                    "Theatre School in Joinville, the only branch of the famous Moscow school "
                    "abroad, has trained hundreds of dancers.</p>\n"
                    "<p>In recent years, educational exchanges have been gaining momentum. Every "
                    "year, more Brazilian students choose Russian universities, including in "
                    "engineering, medicine and the humanities, and the number of Brazilian "
                    "universities offering Russian language courses is growing.</p>\n"
                    "<p>As ambassador, I see my task as supporting these direct contacts between "
                    "people. It is they that create the atmosphere of trust and friendship on "
                    "which the partnership between our two countries, including within BRICS, is "
                    "built.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Статья Посла России в Бразилии Е.Сорокиной о российско-бразильских "
                    "культурных связях"
                ),
                "lead": (
                    "Посол пишет о растущем интересе бразильцев к российской культуре и "
                    "перспективах образовательных обменов."
                ),
                "place": "",
                "body": (
                    "<p>Россию и Бразилию разделяют тысячи километров, но наши народы давно "
                    "тянутся к культуре друг друга. Бразильская публика тепло принимает русский "
                    "балет и классическую музыку, а у бразильской литературы, кино и музыки много "
                    "почитателей в России. Школа Большого театра в городе Жоинвиль — единственный "
                    "зарубежный филиал знаменитой московской школы — подготовила сотни "
                    "танцовщиков.</p>\n"
                    "<p>В последние годы набирают обороты образовательные обмены. С каждым годом "
                    "все больше бразильских студентов выбирают российские вузы, в том числе "
                    "инженерные, медицинские и гуманитарные специальности, растет и число "
                    "бразильских университетов, где преподается русский язык.</p>\n"
                    "<p>Свою задачу как посла вижу в том, чтобы поддерживать эти прямые контакты "
                    "между людьми. Именно они создают атмосферу доверия и дружбы, на которой "
                    "строится партнерство двух наших стран, в том числе в рамках БРИКС.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Article de Mme Elena Sorokina, ambassadrice de Russie au Brésil, sur les "
                    "liens culturels russo-brésiliens"
                ),
                "lead": (
                    "L'ambassadrice évoque l'intérêt croissant des Brésiliens pour la culture "
                    "russe et les perspectives des échanges éducatifs."
                ),
                "place": "",
                "body": (
                    "<p>Des milliers de kilomètres séparent la Russie et le Brésil, mais nos "
                    "peuples sont depuis longtemps attirés par la culture de l'autre. Le public "
                    "brésilien réserve un accueil chaleureux au ballet russe et à la musique "
                    "classique, tandis que la littérature, le cinéma et la musique brésiliens "
                    "comptent de nombreux admirateurs en Russie. L'École du Théâtre Bolchoï de "
                    "Joinville, seule filiale à l'étranger de la célèbre école moscovite, a formé "
                    "des centaines de danseurs.</p>\n"
                    "<p>Ces dernières années, les échanges éducatifs prennent de l'ampleur. "
                    "Chaque année, un nombre croissant d'étudiants brésiliens choisissent les "
                    "universités russes, notamment dans les domaines de l'ingénierie, de la "
                    "médecine et des sciences humaines, et le nombre d'universités brésiliennes "
                    "proposant des cours de russe augmente.</p>\n"
                    "<p>En tant qu'ambassadrice, je considère que ma mission est de soutenir ces "
                    "contacts directs entre les personnes. Ce sont eux qui créent le climat de "
                    "confiance et d'amitié sur lequel repose le partenariat entre nos deux pays, "
                    "y compris au sein des BRICS.</p>"
                ),
            },
            "es": {
                "title": (
                    "Artículo de la Embajadora de Rusia en Brasil, Elena Sorókina, sobre los "
                    "vínculos culturales ruso-brasileños"
                ),
                "lead": (
                    "La embajadora escribe sobre el creciente interés de los brasileños por la "
                    "cultura rusa y las perspectivas de los intercambios educativos."
                ),
                "place": "",
                "body": (
                    "<p>Miles de kilómetros separan a Rusia y Brasil, pero nuestros pueblos se "
                    "sienten atraídos desde hace tiempo por la cultura del otro. El público "
                    "brasileño acoge con calidez el ballet ruso y la música clásica, mientras que "
                    "la literatura, el cine y la música brasileños tienen muchos admiradores en "
                    "Rusia. La Escuela del Teatro Bolshói de Joinville, única filial en el "
                    "extranjero de la célebre escuela moscovita, ha formado a cientos de "
                    "bailarines.</p>\n"
                    "<p>En los últimos años, los intercambios educativos han cobrado impulso. "
                    "Cada año, más estudiantes brasileños eligen universidades rusas, en "
                    "particular en ingeniería, medicina y humanidades, y crece el número de "
                    "universidades brasileñas que ofrecen cursos de ruso.</p>\n"
                    "<p>Como embajadora, considero que mi tarea es apoyar estos contactos "
                    "directos entre las personas. Son ellos los que crean el clima de confianza y "
                    "amistad sobre el que se construye la asociación entre nuestros dos países, "
                    "también en el marco del BRICS.</p>"
                ),
            },
        },
    },
    {
        "reference": "1734-01-09-2016",
        "type": "speech",
        "published_at": "2016-09-01T10:05",
        "original_language": "ru",
        "speakers": ["lavrov"],
        "topics": ["humanitarian-cooperation"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Foreign Minister Sergey Lavrov's remarks at a meeting with students and "
                    "faculty of MGIMO University on Knowledge Day, Moscow, September 1, 2016"
                ),
                "lead": (
                    "Sergey Lavrov congratulated the students on the start of the academic year "
                    "and spoke about the diplomatic profession."
                ),
                "place": "Moscow",
                "body": (
                    "<p>Dear students, dear teachers,</p>\n"
                    "<p>It is a good tradition to meet with you on September 1. I congratulate "
                    "everyone, especially the first-year students, on the start of the new "
                    "academic year. You have chosen a profession that requires not only deep "
                    "knowledge but also patience, the ability to listen to your counterpart and "
                    "to seek compromise.</p>\n"
                    "<p>Diplomacy is, above all, the art of dialogue. Whatever the situation in "
                    "the world, diplomats must keep channels of communication open and look for "
                    "solutions that take into account the legitimate interests of all parties. "
                    "Foreign languages, history, international law and economics are the tools "
                    "you will rely on throughout your career.</p>\n"
                    "<p>I wish you success in your studies and hope that in a few years many of "
                    "you will join the Foreign Ministry. Good luck!</p>"
                ),
            },
            "ru": {
                "title": (
                    "Выступление Министра иностранных дел России С.В.Лаврова на встрече со "
                    "студентами и преподавателями МГИМО МИД России в День знаний, Москва, 1 "
                    "сентября 2016 года"
                ),
                "lead": (
                    "С.В.Лавров поздравил студентов с началом учебного года и рассказал о "
                    "профессии дипломата."
                ),
                "place": "Москва",
                "body": (
                    "<p>Дорогие студенты, уважаемые преподаватели,</p>\n"
                    "<p>Встречаться с вами 1 сентября — хорошая традиция. Поздравляю всех, и "
                    "прежде всего первокурсников, с началом нового учебного года. Вы выбрали "
                    "профессию, которая требует не только глубоких знаний, но и терпения, умения "
                    "слушать собеседника и искать компромиссы.</p>\n"
                    "<p>Дипломатия — это прежде всего искусство диалога. Какой бы ни была "
                    "обстановка в мире, дипломаты должны сохранять открытыми каналы общения и "
                    "искать решения, учитывающие законные интересы всех сторон. Иностранные "
                    "языки, история, международное право и экономика — инструменты, на которые вы "
                    "будете опираться на протяжении всей карьеры.</p>\n"
                    "<p>Желаю вам успехов в учебе и надеюсь, что через несколько лет многие из "
                    "вас придут работать в Министерство иностранных дел. Удачи!</p>"
                ),
            },
            "de": {
                "title": (
                    "Rede des russischen Außenministers Sergej Lawrow bei einem Treffen mit "
                    "Studierenden und Lehrkräften der MGIMO-Universität zum Tag des Wissens, "
                    "Moskau, 1. September 2016"
                ),
                "lead": (
                    "Sergej Lawrow gratulierte den Studierenden zum Beginn des Studienjahres und "
                    "sprach über den Beruf des Diplomaten."
                ),
                "place": "Moskau",
                "body": (
                    "<p>Liebe Studierende, liebe Lehrkräfte,</p>\n"
                    "<p>es ist eine gute Tradition, sich am 1. September mit Ihnen zu treffen. "
                    "Ich gratuliere allen, vor allem den Studienanfängern, zum Beginn des neuen "
                    "Studienjahres. Sie haben einen Beruf gewählt, der nicht nur fundiertes "
                    "Wissen erfordert, sondern auch Geduld, die Fähigkeit, dem Gesprächspartner "
                    "zuzuhören, und die Bereitschaft, nach Kompromissen zu suchen.</p>\n"
                    "<p>Diplomatie ist vor allem die Kunst des Dialogs. Wie auch immer die Lage "
                    "in der Welt sein mag, Diplomaten müssen die Kommunikationskanäle offen "
                    "halten und nach Lösungen suchen, die die legitimen Interessen aller Seiten "
                    "berücksichtigen. Fremdsprachen, Geschichte, Völkerrecht und Wirtschaft sind "
                    "die Werkzeuge, auf die Sie sich Ihr ganzes Berufsleben lang stützen "
                    "werden.</p>\n"
                    "<p>Ich wünsche Ihnen viel Erfolg im Studium und hoffe, dass viele von Ihnen "
                    "in einigen Jahren in das Außenministerium eintreten werden. Viel Glück!</p>"
                ),
            },
            "fr": {
                "title": (
                    "Allocution de M. Sergueï Lavrov, ministre russe des Affaires étrangères, "
                    "lors d'une rencontre avec les étudiants et les enseignants de l'Université "
                    "MGIMO à l'occasion de la Journée du savoir, Moscou, 1er septembre 2016"
                ),
                "lead": (
                    "Sergueï Lavrov a félicité les étudiants pour la rentrée universitaire et a "
                    "évoqué le métier de diplomate."
                ),
                "place": "Moscou",
                "body": (
                    "<p>Chers étudiants, chers enseignants,</p>\n"
                    "<p>C'est une bonne tradition de vous rencontrer le 1er septembre. Je "
                    "félicite chacun d'entre vous, et avant tout les étudiants de première année, "
                    "à l'occasion de la nouvelle année universitaire. Vous avez choisi une "
                    "profession qui exige non seulement des connaissances approfondies, mais "
                    "aussi de la patience, la capacité d'écouter son interlocuteur et de "
                    "rechercher des compromis.</p>\n"
                    "<p>La diplomatie est avant tout l'art du dialogue. Quelle que soit la "
                    "situation dans le monde, les diplomates doivent maintenir ouverts les canaux "
                    "de communication et rechercher des solutions qui tiennent compte des "
                    "intérêts légitimes de toutes les parties. Les langues étrangères, "
                    "l'histoire, le droit international et l'économie sont les outils sur "
                    "lesquels vous vous appuierez tout au long de votre carrière.</p>\n"
                    "<p>Je vous souhaite de réussir dans vos études et j'espère que, d'ici "
                    "quelques années, nombre d'entre vous rejoindront le ministère des Affaires "
                    "étrangères. Bonne chance !</p>"
                ),
            },
            "es": {
                "title": (
                    "Discurso del Ministro de Asuntos Exteriores de Rusia, Serguéi Lavrov, en un "
                    "encuentro con estudiantes y profesores de la Universidad MGIMO con motivo "
                    "del Día del Conocimiento, Moscú, 1 de septiembre de 2016"
                ),
                "lead": (
                    "Serguéi Lavrov felicitó a los estudiantes por el inicio del curso académico "
                    "y habló sobre la profesión diplomática."
                ),
                "place": "Moscú",
                "body": (
                    "<p>Queridos estudiantes, estimados profesores:</p>\n"
                    "<p>Reunirme con ustedes el 1 de septiembre es una buena tradición. Felicito "
                    "a todos, y en especial a los estudiantes de primer curso, por el inicio del "
                    "nuevo año académico. Han elegido una profesión que exige no solo profundos "
                    "conocimientos, sino también paciencia, capacidad de escuchar al interlocutor "
                    "y de buscar compromisos.</p>\n"
                    "<p>La diplomacia es, ante todo, el arte del diálogo. Sea cual sea la "
                    "situación en el mundo, los diplomáticos deben mantener abiertos los canales "
                    "de comunicación y buscar soluciones que tengan en cuenta los intereses "
                    "legítimos de todas las partes. Los idiomas extranjeros, la historia, el "
                    "derecho internacional y la economía son las herramientas en las que se "
                    "apoyarán a lo largo de toda su carrera.</p>\n"
                    "<p>Les deseo éxito en sus estudios y espero que dentro de unos años muchos "
                    "de ustedes se incorporen al Ministerio de Asuntos Exteriores. ¡Mucha "
                    "suerte!</p>"
                ),
            },
            "ar": {
                "title": (
                    "كلمة وزير الخارجية الروسي سيرغي لافروف خلال لقائه طلاب وأساتذة جامعة موسكو "
                    "الحكومية للعلاقات الدولية بمناسبة يوم المعرفة، موسكو، 1 سبتمبر 2016"
                ),
                "lead": "هنّأ سيرغي لافروف الطلاب ببدء العام الدراسي وتحدث عن مهنة الدبلوماسي.",
                "place": "موسكو",
                "body": (
                    "<p>أعزائي الطلاب، حضرات الأساتذة المحترمين،</p>\n"
                    "<p>لقد أصبح لقاؤنا في الأول من سبتمبر تقليدًا طيبًا. أهنئ الجميع، ولا سيما "
                    "طلاب السنة الأولى، ببدء العام الدراسي الجديد. لقد اخترتم مهنة لا تتطلب "
                    "المعارف العميقة فحسب، بل تتطلب أيضًا الصبر والقدرة على الإصغاء إلى المحاور "
                    "والبحث عن الحلول الوسط.</p>\n"
                    "<p>الدبلوماسية هي قبل كل شيء فن الحوار. ومهما كانت الأوضاع في العالم، يجب "
                    "على الدبلوماسيين أن يُبقوا قنوات التواصل مفتوحة وأن يبحثوا عن حلول تراعي "
                    "المصالح المشروعة لجميع الأطراف. إن اللغات الأجنبية والتاريخ والقانون الدولي "
                    "والاقتصاد هي الأدوات التي ستعتمدون عليها طوال مسيرتكم المهنية.</p>\n"
                    "<p>أتمنى لكم النجاح في دراستكم، وآمل أن ينضم كثيرون منكم إلى وزارة الخارجية "
                    "بعد بضع سنوات. حظًا موفقًا!</p>"
                ),
            },
        },
    },
    {
        "reference": "1102-08-06-2017",
        "type": "briefing",
        "published_at": "2017-06-08T14:30",
        "original_language": "ru",
        "speakers": ["zakharova"],
        "topics": ["arctic", "humanitarian-cooperation"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, June 8, "
                    "2017"
                ),
                "lead": (
                    "The spokesperson spoke about international cooperation in the Arctic and the "
                    "summer season of cultural events abroad."
                ),
                "place": "Moscow",
                "body": (
                    "<h2>International cooperation in the Arctic</h2>\n"
                    "<p>Russia is interested in preserving the Arctic as a territory of peace, "
                    "stability and constructive cooperation. We are open to practical interaction "
                    "with all interested states in areas such as scientific research, "
                    "environmental protection, the safety of navigation along the Northern Sea "
                    "Route and the sustainable development of the indigenous peoples of the "
                    "North.</p>\n"
                    "<h2>Cultural events abroad</h2>\n"
                    "<p>This summer, Russian Houses abroad will host a series of events, "
                    "including:</p>\n"
                    "<ul><li>Russian film weeks featuring new releases;</li><li>exhibitions of "
                    "contemporary Russian artists;</li><li>summer language schools for the "
                    "children of compatriots.</li></ul>\n"
                    "<p>Information about specific dates and venues is available on the websites "
                    "of Russian embassies.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 8 июня "
                    "2017 года"
                ),
                "lead": (
                    "Официальный представитель рассказала о международном сотрудничестве в "
                    "Арктике и летнем сезоне культурных мероприятий за рубежом."
                ),
                "place": "Москва",
                "body": (
                    "<h2>О международном сотрудничестве в Арктике</h2>\n"
                    "<p>Россия заинтересована в сохранении Арктики как территории мира, "
                    "стабильности и конструктивного сотрудничества. Мы открыты к практическому "
                    "взаимодействию со всеми заинтересованными государствами в таких областях, "
                    "как научные исследования, охрана окружающей среды, безопасность мореплавания "
                    "по Северному морскому пути и устойчивое развитие коренных малочисленных "
                    "народов Севера.</p>\n"
                    "<h2>О культурных мероприятиях за рубежом</h2>\n"
                    "<p>Этим летом в Русских домах за рубежом пройдет серия мероприятий, в том "
                    "числе:</p>\n"
                    "<ul><li>недели российского кино с показом новых фильмов;</li><li>выставки "
                    "современных российских художников;</li><li>летние языковые школы для детей "
                    "соотечественников.</li></ul>\n"
                    "<p>Информация о конкретных датах и площадках размещена на сайтах российских "
                    "посольств.</p>"
                ),
            },
        },
    },
    {
        "reference": "1689-26-09-2017",
        "type": "statement",
        "published_at": "2017-09-26T10:15",
        "original_language": "ru",
        "speakers": [],
        "topics": ["strategic-stability", "united-nations"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Foreign Ministry statement on the International Day for the Total "
                    "Elimination of Nuclear Weapons"
                ),
                "lead": (
                    "Russia remains committed to the goal of a world free of nuclear weapons, to "
                    "be achieved on the basis of equal and indivisible security for all."
                ),
                "place": "Moscow",
                "body": (
                    "<p>September 26 is the International Day for the Total Elimination of "
                    "Nuclear Weapons, established by the UN General Assembly.</p>\n"
                    "<p>Russia shares the goal of building a world free of nuclear weapons. We "
                    "are convinced that progress towards this goal is possible only step by step, "
                    "taking into account all factors affecting strategic stability and on the "
                    "basis of the principle of equal and indivisible security for all "
                    "states.</p>\n"
                    "<p>We reaffirm the importance of the Treaty on the Non-Proliferation of "
                    "Nuclear Weapons as the cornerstone of the international non-proliferation "
                    "regime and call on all states to refrain from steps that could lead to an "
                    "arms race and undermine international security.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Заявление МИД России в связи с Международным днем борьбы за полную "
                    "ликвидацию ядерного оружия"
                ),
                "lead": (
                    "Россия сохраняет приверженность цели построения мира, свободного от ядерного "
                    "оружия, на основе равной и неделимой безопасности для всех."
                ),
                "place": "Москва",
                "body": (
                    "<p>26 сентября отмечается учрежденный Генеральной Ассамблеей ООН "
                    "Международный день борьбы за полную ликвидацию ядерного оружия.</p>\n"
                    "<p>Россия разделяет цель построения мира, свободного от ядерного оружия. "
                    "Убеждены, что продвижение к этой цели возможно лишь поэтапно, с учетом всех "
                    "факторов, влияющих на стратегическую стабильность, и на основе принципа "
                    "равной и неделимой безопасности для всех государств.</p>\n"
                    "<p>Подтверждаем значение Договора о нераспространении ядерного оружия как "
                    "краеугольного камня международного режима нераспространения и призываем все "
                    "государства воздерживаться от шагов, которые могут привести к гонке "
                    "вооружений и подорвать международную безопасность.</p>"
                ),
            },
        },
    },
    {
        "reference": "2096-02-11-2017",
        "type": "briefing",
        "published_at": "2017-11-02T12:00",
        "original_language": "ru",
        "speakers": ["zakharova"],
        "topics": ["united-nations", "latin-america", "humanitarian-cooperation"],
        "countries": ["MX"],
        "versions": {
            "en": {
                "title": (
                    "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, November "
                    "2, 2017"
                ),
                "lead": (
                    "The spokesperson spoke about upcoming events in the Foreign Minister's "
                    "schedule, Russia's cooperation with Latin America and a series of cultural "
                    "events abroad."
                ),
                "place": "Moscow",
                "body": (
                    "<h2>Upcoming contacts</h2>\n"
                    "<p>Next week, Foreign Minister Sergey Lavrov will hold a number of meetings "
                    "with foreign counterparts. The main topics will include:</p>\n"
                    "<ul><li>bilateral trade and economic cooperation;</li><li>coordination of "
                    "approaches at the United Nations;</li><li>preparations for upcoming "
                    "multilateral events.</li></ul>\n"
                    "<h2>Russian-Mexican relations</h2>\n"
                    "<p>We note the steady development of the political dialogue between Russia "
                    "and Mexico. Regular consultations between our foreign ministries contribute "
                    "to a better understanding of each other's positions on international issues, "
                    "and cultural and educational exchanges are gaining momentum.</p>\n"
                    "<h2>Days of Russian Culture</h2>\n"
                    "<p>Days of Russian Culture will be held in several Latin American countries "
                    "in November. The programme includes concerts by Russian performers, film "
                    "screenings and exhibitions. Details are available on the websites of our "
                    "embassies.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 2 "
                    "ноября 2017 года"
                ),
                "lead": (
                    "Официальный представитель рассказала о предстоящих мероприятиях в графике "
                    "Министра, сотрудничестве России с Латинской Америкой и серии культурных "
                    "мероприятий за рубежом."
                ),
                "place": "Москва",
                "body": (
                    "<h2>О предстоящих контактах</h2>\n"
                    "<p>На следующей неделе Министр иностранных дел России С.В.Лавров проведет "
                    "ряд встреч с зарубежными коллегами. Основные темы:</p>\n"
                    "<ul><li>двустороннее торгово-экономическое "
                    "сотрудничество;</li><li>координация подходов в Организации Объединенных "
                    "Наций;</li><li>подготовка к предстоящим многосторонним "
                    "мероприятиям.</li></ul>\n"
                    "<h2>О российско-мексиканских отношениях</h2>\n"
                    "<p>Отмечаем поступательное развитие политического диалога между Россией и "
                    "Мексикой. Регулярные консультации между нашими внешнеполитическими "
                    "ведомствами способствуют лучшему пониманию позиций друг друга по "
                    "международным вопросам, набирают обороты культурные и образовательные "
                    "обмены.</p>\n"
                    "<h2>О Днях российской культуры</h2>\n"
                    "<p>В ноябре в ряде стран Латинской Америки пройдут Дни российской культуры. "
                    "В программе — концерты российских исполнителей, кинопоказы и выставки. "
                    "Подробности — на сайтах наших посольств.</p>"
                ),
            },
            "de": {
                "title": (
                    "Briefing der Sprecherin des russischen Außenministeriums, Maria Sacharowa, "
                    "Moskau, 2. November 2017"
                ),
                "lead": (
                    "Die Sprecherin informierte über anstehende Termine des Außenministers, die "
                    "Zusammenarbeit Russlands mit Lateinamerika und eine Reihe von "
                    "Kulturveranstaltungen im Ausland."
                ),
                "place": "Moskau",
                "body": (
                    "<h2>Anstehende Kontakte</h2>\n"
                    "<p>In der kommenden Woche wird Außenminister Sergej Lawrow eine Reihe von "
                    "Treffen mit ausländischen Amtskollegen abhalten. Die Hauptthemen sind:</p>\n"
                    "<ul><li>bilaterale Handels- und "
                    "Wirtschaftszusammenarbeit;</li><li>Abstimmung der Positionen in den "
                    "Vereinten Nationen;</li><li>Vorbereitung anstehender multilateraler "
                    "Veranstaltungen.</li></ul>\n"
                    "<h2>Russisch-mexikanische Beziehungen</h2>\n"
                    "<p>Wir stellen eine stetige Entwicklung des politischen Dialogs zwischen "
                    "Russland und Mexiko fest. Regelmäßige Konsultationen zwischen unseren "
                    "Außenministerien tragen zu einem besseren Verständnis der Positionen der "
                    "jeweils anderen Seite zu internationalen Fragen bei, und der Kultur- und "
                    "Bildungsaustausch gewinnt an Dynamik.</p>\n"
                    "<h2>Tage der russischen Kultur</h2>\n"
                    "<p>Im November finden in mehreren lateinamerikanischen Ländern Tage der "
                    "russischen Kultur statt. Auf dem Programm stehen Konzerte russischer "
                    "Künstler, Filmvorführungen und Ausstellungen. Einzelheiten finden Sie auf "
                    "den Websites unserer Botschaften.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Point de presse de Mme Maria Zakharova, porte-parole du ministère russe des "
                    "Affaires étrangères, Moscou, 2 novembre 2017"
                ),
                "lead": (
                    "La porte-parole a évoqué les prochains rendez-vous du ministre, la "
                    "coopération de la Russie avec l'Amérique latine et une série d'événements "
                    "culturels à l'étranger."
                ),
                "place": "Moscou",
                "body": (
                    "<h2>Prochains contacts</h2>\n"
                    "<p>La semaine prochaine, le ministre des Affaires étrangères Sergueï Lavrov "
                    "aura plusieurs rencontres avec ses homologues étrangers. Les principaux "
                    "thèmes seront :</p>\n"
                    "<ul><li>la coopération commerciale et économique bilatérale ;</li><li>la "
                    "coordination des approches au sein de l'Organisation des Nations unies "
                    ";</li><li>la préparation des prochains événements multilatéraux.</li></ul>\n"
                    "<h2>Relations russo-mexicaines</h2>\n"
                    "<p>Nous constatons le développement constant du dialogue politique entre la "
                    "Russie et le Mexique. Les consultations régulières entre nos ministères des "
                    "Affaires étrangères favorisent une meilleure compréhension mutuelle de nos "
                    "positions sur les questions internationales, et les échanges culturels et "
                    "éducatifs prennent de l'ampleur.</p>\n"
                    "<h2>Journées de la culture russe</h2>\n"
                    "<p>En novembre, des Journées de la culture russe se tiendront dans plusieurs "
                    "pays d'Amérique latine. Au programme : concerts d'artistes russes, "
                    "projections de films et expositions. Les détails sont disponibles sur les "
                    "sites internet de nos ambassades.</p>"
                ),
            },
            "es": {
                "title": (
                    "Rueda de prensa de la portavoz del Ministerio de Asuntos Exteriores de "
                    "Rusia, María Zajárova, Moscú, 2 de noviembre de 2017"
                ),
                "lead": (
                    "La portavoz habló de los próximos eventos en la agenda del ministro, la "
                    "cooperación de Rusia con América Latina y una serie de actividades "
                    "culturales en el extranjero."
                ),
                "place": "Moscú",
                "body": (
                    "<h2>Próximos contactos</h2>\n"
                    "<p>La próxima semana, el ministro de Asuntos Exteriores, Serguéi Lavrov, "
                    "mantendrá varias reuniones con homólogos extranjeros. Los temas principales "
                    "serán:</p>\n"
                    "<ul><li>la cooperación comercial y económica bilateral;</li><li>la "
                    "coordinación de enfoques en las Naciones Unidas;</li><li>los preparativos de "
                    "los próximos eventos multilaterales.</li></ul>\n"
                    "<h2>Relaciones ruso-mexicanas</h2>\n"
                    "<p>Constatamos el desarrollo constante del diálogo político entre Rusia y "
                    "México. Las consultas periódicas entre nuestros ministerios de Asuntos "
                    "Exteriores contribuyen a una mejor comprensión mutua de nuestras posiciones "
                    "sobre cuestiones internacionales, y los intercambios culturales y educativos "
                    "cobran impulso.</p>\n"
                    "<h2>Días de la Cultura Rusa</h2>\n"
                    "<p>En noviembre se celebrarán Días de la Cultura Rusa en varios países de "
                    "América Latina. El programa incluye conciertos de artistas rusos, "
                    "proyecciones de películas y exposiciones. Los detalles están disponibles en "
                    "los sitios web de nuestras embajadas.</p>"
                ),
            },
            "ar": {
                "title": (
                    "الإحاطة الإعلامية للمتحدثة الرسمية باسم وزارة الخارجية الروسية ماريا "
                    "زاخاروفا، موسكو، 2 نوفمبر 2017"
                ),
                "lead": (
                    "تحدثت المتحدثة الرسمية عن الفعاليات المقبلة في جدول أعمال الوزير، وتعاون "
                    "روسيا مع أمريكا اللاتينية، وسلسلة من الفعاليات الثقافية في الخارج."
                ),
                "place": "موسكو",
                "body": (
                    "<h2>الاتصالات المقبلة</h2>\n"
                    "<p>سيعقد وزير الخارجية سيرغي لافروف الأسبوع المقبل عددًا من اللقاءات مع "
                    "نظرائه الأجانب. وستشمل المواضيع الرئيسية ما يلي:</p>\n"
                    "<ul><li>التعاون التجاري والاقتصادي الثنائي؛</li><li>تنسيق المواقف في الأمم "
                    "المتحدة؛</li><li>التحضير للفعاليات المتعددة الأطراف المقبلة.</li></ul>\n"
                    "<h2>العلاقات الروسية المكسيكية</h2>\n"
                    "<p>نلاحظ التطور المطرد للحوار السياسي بين روسيا والمكسيك. وتسهم المشاورات "
                    "المنتظمة بين وزارتي خارجية البلدين في تحسين فهم كل طرف لمواقف الطرف الآخر "
                    "إزاء القضايا الدولية، كما تكتسب التبادلات الثقافية والتعليمية زخمًا "
                    "متزايدًا.</p>\n"
                    "<h2>أيام الثقافة الروسية</h2>\n"
                    "<p>ستقام في نوفمبر أيام الثقافة الروسية في عدد من دول أمريكا اللاتينية. "
                    "ويتضمن البرنامج حفلات موسيقية لفنانين روس وعروضًا سينمائية ومعارض. وتتوفر "
                    "التفاصيل على المواقع الإلكترونية لسفاراتنا.</p>"
                ),
            },
        },
    },
    {
        "reference": "2113-20-11-2017",
        "type": "press_release",
        "published_at": "2017-11-20T17:00",
        "original_language": "ru",
        "speakers": ["vetrov"],
        "topics": ["consular-affairs", "eaeu"],
        "countries": ["KZ"],
        "versions": {
            "en": {
                "title": "Russian-Kazakh consular consultations",
                "lead": (
                    "The parties discussed facilitating mutual travel of citizens and cooperation "
                    "between consular services."
                ),
                "place": "Astana",
                "body": (
                    "<p>On November 20, Astana hosted regular consultations between the consular "
                    "services of the foreign ministries of Russia and Kazakhstan. The Russian "
                    "delegation was headed by Director of the Consular Department Igor "
                    "Vetrov.</p>\n"
                    "<p>The parties discussed practical aspects of protecting the rights of "
                    "citizens of both countries, facilitating mutual travel and cooperating in "
                    "emergencies. They noted that the agreements reached within the Eurasian "
                    "Economic Union make it much easier for citizens to work and study in the "
                    "member states.</p>\n"
                    "<p>It was agreed to hold the next round of consultations in Moscow in "
                    "2018.</p>"
                ),
            },
            "ru": {
                "title": "О российско-казахстанских консульских консультациях",
                "lead": (
                    "Стороны обсудили вопросы облегчения взаимных поездок граждан и "
                    "взаимодействия консульских служб."
                ),
                "place": "Астана",
                "body": (
                    "<p>20 ноября в Астане состоялись очередные консультации консульских служб "
                    "министерств иностранных дел России и Казахстана. Российскую делегацию "
                    "возглавлял директор Консульского департамента И.Ветров.</p>\n"
                    "<p>Обсуждены практические аспекты обеспечения прав граждан двух стран, "
                    "облегчения взаимных поездок, взаимодействия в чрезвычайных ситуациях. "
                    "Отмечено, что договоренности, достигнутые в рамках Евразийского "
                    "экономического союза, существенно облегчают гражданам трудоустройство и "
                    "учебу в государствах-членах.</p>\n"
                    "<p>Условились провести следующий раунд консультаций в Москве в 2018 году.</p>"
                ),
            },
        },
    },
    {
        "reference": "0201-15-02-2018",
        "type": "briefing",
        "published_at": "2018-02-15T14:00",
        "original_language": "ru",
        "speakers": ["zakharova"],
        "topics": ["european-security", "consular-affairs", "humanitarian-cooperation"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, February "
                    "15, 2018"
                ),
                "lead": (
                    "Maria Zakharova spoke about the Foreign Minister's upcoming schedule, "
                    "consular recommendations for travellers and preparations for cultural events "
                    "abroad."
                ),
                "place": "Moscow",
                "body": (
                    "<h2>Sergey Lavrov's schedule</h2>\n"
                    "<p>Next week, Foreign Minister Sergey Lavrov will hold talks in Moscow with "
                    "a number of foreign counterparts. The ministers are expected to discuss "
                    "bilateral relations, cooperation in multilateral formats and topical "
                    "international issues. We will provide more details on the results of these "
                    "contacts in due course.</p>\n"
                    "<h2>Recommendations for Russian citizens travelling abroad</h2>\n"
                    "<p>We remind Russian citizens planning trips abroad to check in advance the "
                    "entry requirements of the country of destination and to follow the updates "
                    "published on the websites of Russian embassies and consulates general. In an "
                    "emergency, please contact the nearest Russian consular office or the Foreign "
                    "Ministry's Situation and Crisis Centre.</p>\n"
                    "<h2>Russian Seasons programme</h2>\n"
                    "<p>Preparations for this year's <em>Russian Seasons</em> programme are in "
                    "full swing. Dozens of concerts, exhibitions and theatre performances are "
                    "planned in several countries. We invite everyone interested to follow the "
                    "announcements on the Foreign Ministry's website and social media "
                    "accounts.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 15 "
                    "февраля 2018 года"
                ),
                "lead": (
                    "М.В.Захарова рассказала о графике Министра, консульских рекомендациях для "
                    "путешественников и подготовке культурных мероприятий за рубежом."
                ),
                "place": "Москва",
                "body": (
                    "<h2>О графике С.В.Лаврова</h2>\n"
                    "<p>На следующей неделе Министр иностранных дел России С.В.Лавров проведет в "
                    "Москве переговоры с рядом зарубежных коллег. Предполагается обсудить "
                    "двусторонние отношения, взаимодействие в многосторонних форматах и "
                    "актуальные международные проблемы. Об итогах этих контактов проинформируем "
                    "дополнительно.</p>\n"
                    "<h2>О рекомендациях для российских граждан, выезжающих за рубеж</h2>\n"
                    "<p>Напоминаем российским гражданам, планирующим поездки за границу, о "
                    "необходимости заблаговременно уточнять условия въезда в страну назначения и "
                    "следить за обновлениями на сайтах российских посольств и генеральных "
                    "консульств. В экстренных случаях просим обращаться в ближайшее российское "
                    "консульское учреждение или в Ситуационно-кризисный центр МИД России.</p>\n"
                    "<h2>О программе «Русские сезоны»</h2>\n"
                    "<p>Идет активная подготовка к проведению в этом году программы <em>«Русские "
                    "сезоны»</em>. В ряде стран запланированы десятки концертов, выставок и "
                    "театральных постановок. Приглашаем всех интересующихся следить за анонсами "
                    "на сайте МИД России и в наших аккаунтах в социальных сетях.</p>"
                ),
            },
        },
    },
    {
        "reference": "0587-03-04-2018",
        "type": "interview",
        "published_at": "2018-04-03T16:00",
        "original_language": "ru",
        "speakers": ["zakharova"],
        "topics": ["consular-affairs", "humanitarian-cooperation"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Foreign Ministry Spokesperson Maria Zakharova's interview with Voice of "
                    "Eurasia radio, Moscow, April 3, 2018"
                ),
                "lead": (
                    "Maria Zakharova spoke about the Foreign Ministry's work with the public and "
                    "the development of consular services."
                ),
                "place": "Moscow",
                "body": (
                    "<p><strong>Question:</strong> How has the Foreign Ministry's communication "
                    "with the public changed in recent years?</p>\n"
                    "<p><strong>Maria Zakharova:</strong> It has become much more direct and "
                    "faster. In addition to weekly briefings, we actively use the ministry's "
                    "website and social media to tell people about our work and to answer their "
                    "questions. We want our citizens to understand what diplomats do and why it "
                    "matters to them personally.</p>\n"
                    "<p><strong>Question:</strong> What is being done to make consular services "
                    "more convenient?</p>\n"
                    "<p><strong>Maria Zakharova:</strong> Our consular offices are steadily "
                    "introducing electronic services: online appointments, electronic "
                    "applications and notifications about the status of documents. This saves "
                    "time for both citizens and staff. Of course, personal contact remains "
                    "important, especially when people find themselves in a difficult situation "
                    "abroad.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Интервью официального представителя МИД России М.В.Захаровой радиостанции "
                    "«Голос Евразии», Москва, 3 апреля 2018 года"
                ),
                "lead": (
                    "М.В.Захарова рассказала о работе МИД России с общественностью и развитии "
                    "консульских услуг."
                ),
                "place": "Москва",
                "body": (
                    "<p><strong>Вопрос:</strong> Как изменилось общение МИД с общественностью в "
                    "последние годы?</p>\n"
                    "<p><strong>М.В.Захарова:</strong> Оно стало гораздо более прямым и "
                    "оперативным. Помимо еженедельных брифингов мы активно используем сайт "
                    "министерства и социальные сети, чтобы рассказывать людям о нашей работе и "
                    "отвечать на их вопросы. Хотим, чтобы наши граждане понимали, чем занимаются "
                    "дипломаты и почему это важно лично для них.</p>\n"
                    "<p><strong>Вопрос:</strong> Что делается для того, чтобы консульские услуги "
                    "стали удобнее?</p>\n"
                    "<p><strong>М.В.Захарова:</strong> Наши консульские учреждения "
                    "последовательно внедряют электронные сервисы: онлайн-запись, подачу "
                    "заявлений в электронном виде, уведомления о статусе документов. Это экономит "
                    "время и гражданам, и сотрудникам. Конечно, личный контакт по-прежнему важен, "
                    "особенно когда люди оказываются за рубежом в сложной ситуации.</p>"
                ),
            },
            "de": {
                "title": (
                    "Interview der Sprecherin des russischen Außenministeriums, Maria Sacharowa, "
                    "für den Radiosender Stimme Eurasiens, Moskau, 3. April 2018"
                ),
                "lead": (
                    "Maria Sacharowa sprach über die Öffentlichkeitsarbeit des Außenministeriums "
                    "und den Ausbau der konsularischen Dienstleistungen."
                ),
                "place": "Moskau",
                "body": (
                    "<p><strong>Frage:</strong> Wie hat sich die Kommunikation des "
                    "Außenministeriums mit der Öffentlichkeit in den letzten Jahren "
                    "verändert?</p>\n"
                    "<p><strong>Maria Sacharowa:</strong> Sie ist viel direkter und schneller "
                    "geworden. Neben den wöchentlichen Briefings nutzen wir aktiv die Website des "
                    "Ministeriums und die sozialen Netzwerke, um die Menschen über unsere Arbeit "
                    "zu informieren und ihre Fragen zu beantworten. Wir möchten, dass unsere "
                    "Bürger verstehen, was Diplomaten tun und warum das für sie persönlich "
                    "wichtig ist.</p>\n"
                    "<p><strong>Frage:</strong> Was wird getan, um konsularische Dienstleistungen "
                    "bequemer zu machen?</p>\n"
                    "<p><strong>Maria Sacharowa:</strong> Unsere konsularischen Vertretungen "
                    "führen konsequent elektronische Dienste ein: Online-Terminvereinbarung, "
                    "elektronische Antragstellung und Benachrichtigungen über den "
                    "Bearbeitungsstand von Dokumenten. Das spart sowohl den Bürgern als auch den "
                    "Mitarbeitern Zeit. Natürlich bleibt der persönliche Kontakt wichtig, vor "
                    "allem wenn Menschen im Ausland in eine schwierige Lage geraten.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Interview de Mme Maria Zakharova, porte-parole du ministère russe des "
                    "Affaires étrangères, à la station de radio La Voix de l'Eurasie, Moscou, 3 "
                    "avril 2018"
                ),
                "lead": (
                    "Maria Zakharova a évoqué le travail du ministère des Affaires étrangères "
                    "avec le public et le développement des services consulaires."
                ),
                "place": "Moscou",
                "body": (
                    "<p><strong>Question :</strong> Comment la communication du ministère des "
                    "Affaires étrangères avec le public a-t-elle évolué ces dernières années "
                    "?</p>\n"
                    "<p><strong>Maria Zakharova :</strong> Elle est devenue beaucoup plus directe "
                    "et plus rapide. En plus des points de presse hebdomadaires, nous utilisons "
                    "activement le site internet du ministère et les réseaux sociaux pour "
                    "informer les gens de notre travail et répondre à leurs questions. Nous "
                    "voulons que nos concitoyens comprennent ce que font les diplomates et "
                    "pourquoi cela les concerne personnellement.</p>\n"
                    "<p><strong>Question :</strong> Que fait-on pour rendre les services "
                    "consulaires plus pratiques ?</p>\n"
                    "<p><strong>Maria Zakharova :</strong> Nos représentations consulaires "
                    "introduisent progressivement des services électroniques : prise de "
                    "rendez-vous en ligne, dépôt de demandes par voie électronique, notifications "
                    "sur l'état d'avancement des documents. Cela fait gagner du temps aux "
                    "citoyens comme au personnel. Bien entendu, le contact personnel reste "
                    "important, surtout lorsque des personnes se retrouvent en difficulté à "
                    "l'étranger.</p>"
                ),
            },
            "es": {
                "title": (
                    "Entrevista de la portavoz del Ministerio de Asuntos Exteriores de Rusia, "
                    "María Zajárova, a la emisora La Voz de Eurasia, Moscú, 3 de abril de 2018"
                ),
                "lead": (
                    "María Zajárova habló sobre la labor del Ministerio de Asuntos Exteriores con "
                    "el público y el desarrollo de los servicios consulares."
                ),
                "place": "Moscú",
                "body": (
                    "<p><strong>Pregunta:</strong> ¿Cómo ha cambiado en los últimos años la "
                    "comunicación del Ministerio de Asuntos Exteriores con el público?</p>\n"
                    "<p><strong>María Zajárova:</strong> Se ha vuelto mucho más directa y rápida. "
                    "Además de las ruedas de prensa semanales, utilizamos activamente el sitio "
                    "web del ministerio y las redes sociales para informar a la gente sobre "
                    "nuestro trabajo y responder a sus preguntas. Queremos que nuestros "
                    "ciudadanos entiendan qué hacen los diplomáticos y por qué es importante para "
                    "ellos personalmente.</p>\n"
                    "<p><strong>Pregunta:</strong> ¿Qué se está haciendo para que los servicios "
                    "consulares sean más cómodos?</p>\n"
                    "<p><strong>María Zajárova:</strong> Nuestras oficinas consulares están "
                    "implantando de forma sistemática servicios electrónicos: cita previa en "
                    "línea, presentación electrónica de solicitudes y notificaciones sobre el "
                    "estado de los documentos. Esto ahorra tiempo tanto a los ciudadanos como al "
                    "personal. Por supuesto, el contacto personal sigue siendo importante, sobre "
                    "todo cuando las personas se encuentran en una situación difícil en el "
                    "extranjero.</p>"
                ),
            },
            "ar": {
                "title": (
                    "مقابلة المتحدثة الرسمية باسم وزارة الخارجية الروسية ماريا زاخاروفا مع إذاعة "
                    "صوت أوراسيا، موسكو، 3 أبريل 2018"
                ),
                "lead": (
                    "تحدثت ماريا زاخاروفا عن عمل وزارة الخارجية مع الجمهور وتطوير الخدمات القنصلية."
                ),
                "place": "موسكو",
                "body": (
                    "<p><strong>سؤال:</strong> كيف تغير تواصل وزارة الخارجية مع الجمهور في "
                    "السنوات الأخيرة؟</p>\n"
                    "<p><strong>ماريا زاخاروفا:</strong> أصبح أكثر مباشرة وسرعة بكثير. فإلى جانب "
                    "الإحاطات الإعلامية الأسبوعية، نستخدم بنشاط الموقع الإلكتروني للوزارة وشبكات "
                    "التواصل الاجتماعي لإطلاع الناس على عملنا والإجابة عن أسئلتهم. ونريد أن يفهم "
                    "مواطنونا ما يقوم به الدبلوماسيون ولماذا يهمهم ذلك شخصيًا.</p>\n"
                    "<p><strong>سؤال:</strong> ما الذي يجري القيام به لجعل الخدمات القنصلية أكثر "
                    "يسرًا؟</p>\n"
                    "<p><strong>ماريا زاخاروفا:</strong> تعمل بعثاتنا القنصلية باستمرار على إدخال "
                    "الخدمات الإلكترونية: حجز المواعيد عبر الإنترنت، وتقديم الطلبات إلكترونيًا، "
                    "والإشعارات بشأن حالة الوثائق. وهذا يوفر الوقت على المواطنين والموظفين على حد "
                    "سواء. وبطبيعة الحال، يظل التواصل الشخصي مهمًا، لا سيما عندما يجد الناس "
                    "أنفسهم في وضع صعب في الخارج.</p>"
                ),
            },
        },
    },
    {
        "reference": "0562-07-05-2018",
        "type": "interview",
        "published_at": "2018-05-07T13:00",
        "original_language": "es",
        "speakers": ["lavrov"],
        "topics": ["european-security", "humanitarian-cooperation"],
        "countries": ["ES"],
        "versions": {
            "en": {
                "title": (
                    "Foreign Minister Sergey Lavrov's interview with the Spanish newspaper El "
                    "Observador Internacional, Moscow, May 7, 2018"
                ),
                "lead": (
                    "The minister spoke about Russian-Spanish relations, cultural cooperation and "
                    "the situation in Europe."
                ),
                "place": "Moscow",
                "body": (
                    "<p><strong>Question:</strong> Minister, how do you assess the current state "
                    "of relations between Russia and Spain?</p>\n"
                    "<p><strong>Sergey Lavrov:</strong> Our relations are based on a long "
                    "tradition of mutual sympathy between our peoples. We maintain a regular "
                    "political dialogue, and contacts between parliaments, regions and civil "
                    "societies continue to develop. We are convinced that there is great untapped "
                    "potential, above all in the economy, tourism and education.</p>\n"
                    "<p><strong>Question:</strong> What role does culture play in this "
                    "dialogue?</p>\n"
                    "<p><strong>Sergey Lavrov:</strong> A fundamental one. Spaniards have an "
                    "enormous interest in Russian literature, music and ballet, just as Russians "
                    "do in Spanish culture. We support joint projects of museums and theatres, as "
                    "well as the study of Russian in Spain and of Spanish in Russia. These human "
                    "ties are the most solid foundation of trust between states.</p>\n"
                    "<p><strong>Question:</strong> And what about European security?</p>\n"
                    "<p><strong>Sergey Lavrov:</strong> We stand for an architecture of equal and "
                    "indivisible security in Europe, in which no one strengthens their own "
                    "security at the expense of others. Russia is open to an honest and "
                    "respectful dialogue with all European partners who share this approach.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Интервью Министра иностранных дел России С.В.Лаврова испанской газете «Эль "
                    "Обсервадор Интернасьональ», Москва, 7 мая 2018 года"
                ),
                "lead": (
                    "Министр рассказал о российско-испанских отношениях, культурном "
                    "сотрудничестве и ситуации в Европе."
                ),
                "place": "Москва",
                "body": (
                    "<p><strong>Вопрос:</strong> Господин Министр, как Вы оцениваете нынешнее "
                    "состояние отношений между Россией и Испанией?</p>\n"
                    "<p><strong>С.В.Лавров:</strong> Наши отношения основаны на давней традиции "
                    "взаимной симпатии между нашими народами. Мы поддерживаем регулярный "
                    "политический диалог, продолжают развиваться контакты между парламентами, "
                    "регионами, гражданскими обществами. Убеждены, что существует большой "
                    "неиспользованный потенциал, прежде всего в экономике, туризме и "
                    "образовании.</p>\n"
                    "<p><strong>Вопрос:</strong> Какую роль в этом диалоге играет культура?</p>\n"
                    "<p><strong>С.В.Лавров:</strong> Основополагающую. Интерес испанцев к русской "
                    "литературе, музыке и балету огромен, как и интерес россиян к испанской "
                    "культуре. Мы поддерживаем совместные проекты музеев и театров, изучение "
                    "русского языка в Испании и испанского в России. Эти человеческие связи — "
                    "самая прочная основа доверия между государствами.</p>\n"
                    "<p><strong>Вопрос:</strong> А что касается европейской безопасности?</p>\n"
                    "<p><strong>С.В.Лавров:</strong> Мы выступаем за архитектуру равной и "
                    "неделимой безопасности в Европе, в которой никто не укрепляет свою "
                    "безопасность за счет других. Россия открыта к честному и уважительному "
                    "диалогу со всеми европейскими партнерами, которые разделяют такой подход.</p>"
                ),
            },
            "es": {
                "title": (
                    "Entrevista del Ministro de Asuntos Exteriores de Rusia, Serguéi Lavrov, al "
                    "diario español El Observador Internacional, Moscú, 7 de mayo de 2018"
                ),
                "lead": (
                    "El ministro habló sobre las relaciones ruso-españolas, la cooperación "
                    "cultural y la situación en Europa."
                ),
                "place": "Moscú",
                "body": (
                    "<p><strong>Pregunta:</strong> Señor ministro, ¿cómo valora el estado actual "
                    "de las relaciones entre Rusia y España?</p>\n"
                    "<p><strong>Serguéi Lavrov:</strong> Nuestras relaciones se basan en una "
                    "larga tradición de simpatía mutua entre nuestros pueblos. Mantenemos un "
                    "diálogo político regular, y los contactos entre parlamentos, regiones y "
                    "sociedades civiles siguen desarrollándose. Estamos convencidos de que existe "
                    "un gran potencial sin explotar, sobre todo en la economía, el turismo y la "
                    "educación.</p>\n"
                    "<p><strong>Pregunta:</strong> ¿Qué papel desempeña la cultura en este "
                    "diálogo?</p>\n"
                    "<p><strong>Serguéi Lavrov:</strong> Un papel fundamental. El interés de los "
                    "españoles por la literatura, la música y el ballet rusos es enorme, al igual "
                    "que el de los rusos por la cultura española. Apoyamos los proyectos "
                    "conjuntos de museos y teatros, así como el estudio del ruso en España y del "
                    "español en Rusia. Estos vínculos humanos son la base más sólida de la "
                    "confianza entre los Estados.</p>\n"
                    "<p><strong>Pregunta:</strong> ¿Y en cuanto a la seguridad europea?</p>\n"
                    "<p><strong>Serguéi Lavrov:</strong> Estamos a favor de una arquitectura de "
                    "seguridad igual e indivisible en Europa, en la que nadie refuerce su propia "
                    "seguridad a costa de la de los demás. Rusia está abierta a un diálogo "
                    "honesto y respetuoso con todos los socios europeos que compartan este "
                    "enfoque.</p>"
                ),
            },
        },
    },
    {
        "reference": "0891-14-05-2018",
        "type": "answer_to_media",
        "published_at": "2018-05-14T19:05",
        "original_language": "en",
        "speakers": ["nebenzia"],
        "topics": ["united-nations"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Permanent Representative of Russia to the UN Vassily Nebenzia's answer to a "
                    "media question following a UN Security Council meeting, New York, May 14, "
                    "2018"
                ),
                "lead": "Vassily Nebenzia spoke about the working methods of the Security Council.",
                "place": "New York",
                "body": (
                    "<p><strong>Question:</strong> Ambassador, how do you assess today's "
                    "discussion in the Council?</p>\n"
                    "<p><strong>Vassily Nebenzia:</strong> It was a useful and frank exchange. "
                    "Council members do not always agree, but this is precisely why the Council "
                    "exists: to give all its members an opportunity to express their positions "
                    "and look for common ground. We believe that the Council's decisions should "
                    "be based on consensus or at least on broad agreement, rather than on "
                    "attempts to push through texts that do not take into account the views of "
                    "others.</p>\n"
                    "<p><strong>Question:</strong> Do you see room for compromise?</p>\n"
                    "<p><strong>Vassily Nebenzia:</strong> There is always room for compromise if "
                    "there is political will. Our delegation is ready to work constructively with "
                    "all partners. Diplomacy is about listening to each other, not about "
                    "lecturing.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Réponse de M. Vassili Nebenzia, représentant permanent de la Russie auprès "
                    "de l'ONU, à une question des médias à l'issue d'une séance du Conseil de "
                    "sécurité, New York, 14 mai 2018"
                ),
                "lead": "Vassili Nebenzia a évoqué les méthodes de travail du Conseil de sécurité.",
                "place": "New York",
                "body": (
                    "<p><strong>Question :</strong> Monsieur l'Ambassadeur, comment évaluez-vous "
                    "la discussion d'aujourd'hui au Conseil ?</p>\n"
                    "<p><strong>Vassili Nebenzia :</strong> Ce fut un échange utile et franc. Les "
                    "membres du Conseil ne sont pas toujours d'accord, mais c'est précisément la "
                    "raison d'être du Conseil : donner à tous ses membres la possibilité "
                    "d'exprimer leurs positions et de rechercher un terrain d'entente. Nous "
                    "estimons que les décisions du Conseil doivent reposer sur le consensus ou, "
                    "du moins, sur un large accord, et non sur des tentatives d'imposer des "
                    "textes qui ne tiennent pas compte des points de vue des autres.</p>\n"
                    "<p><strong>Question :</strong> Voyez-vous une marge de compromis ?</p>\n"
                    "<p><strong>Vassili Nebenzia :</strong> Il y a toujours une marge de "
                    "compromis lorsqu'il existe une volonté politique. Notre délégation est prête "
                    "à travailler de manière constructive avec tous les partenaires. La "
                    "diplomatie consiste à s'écouter mutuellement, et non à donner des leçons.</p>"
                ),
            },
            "es": {
                "title": (
                    "Respuesta del Representante Permanente de Rusia ante la ONU, Vasili "
                    "Nebenzia, a una pregunta de los medios tras una sesión del Consejo de "
                    "Seguridad, Nueva York, 14 de mayo de 2018"
                ),
                "lead": (
                    "Vasili Nebenzia habló sobre los métodos de trabajo del Consejo de Seguridad."
                ),
                "place": "Nueva York",
                "body": (
                    "<p><strong>Pregunta:</strong> Embajador, ¿cómo valora el debate de hoy en el "
                    "Consejo?</p>\n"
                    "<p><strong>Vasili Nebenzia:</strong> Fue un intercambio útil y franco. Los "
                    "miembros del Consejo no siempre están de acuerdo, pero precisamente para eso "
                    "existe el Consejo: para dar a todos sus miembros la oportunidad de expresar "
                    "sus posiciones y buscar puntos en común. Consideramos que las decisiones del "
                    "Consejo deben basarse en el consenso o, al menos, en un amplio acuerdo, y no "
                    "en intentos de imponer textos que no tengan en cuenta las opiniones de los "
                    "demás.</p>\n"
                    "<p><strong>Pregunta:</strong> ¿Ve margen para un compromiso?</p>\n"
                    "<p><strong>Vasili Nebenzia:</strong> Siempre hay margen para el compromiso "
                    "si existe voluntad política. Nuestra delegación está dispuesta a trabajar de "
                    "manera constructiva con todos los socios. La diplomacia consiste en "
                    "escucharse mutuamente, no en dar lecciones.</p>"
                ),
            },
        },
    },
    {
        "reference": "0231-12-02-2019",
        "type": "speech",
        "published_at": "2019-02-12T10:00",
        "original_language": "ru",
        "speakers": ["grushko"],
        "topics": ["european-security"],
        "countries": ["DE"],
        "versions": {
            "en": {
                "title": (
                    "Deputy Foreign Minister Alexander Grushko's remarks at a round table on the "
                    "future of European security, Moscow, February 12, 2019"
                ),
                "lead": (
                    "Alexander Grushko spoke about the principles on which a sustainable security "
                    "architecture in Europe could be based."
                ),
                "place": "Moscow",
                "body": (
                    "<p>Colleagues,</p>\n"
                    "<p>The topic of today's discussion is one of the most important for the "
                    "future of our continent. The experience of recent decades shows that "
                    "security in Europe cannot be built against anyone; it can only be built "
                    "together, on the basis of the principle of the indivisibility of security "
                    "enshrined in the fundamental OSCE documents.</p>\n"
                    "<p>Any sustainable architecture must take into account the legitimate "
                    "interests of all states, rely on legally binding guarantees and provide for "
                    "mechanisms of military restraint, transparency and incident prevention. "
                    "Expert dialogue, including with the participation of representatives of "
                    "Russia and Germany, can make a useful contribution to developing such "
                    "ideas.</p>\n"
                    "<p>I wish you a productive discussion.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Выступление заместителя Министра иностранных дел России А.В.Грушко на "
                    "круглом столе, посвященном будущему европейской безопасности, Москва, 12 "
                    "февраля 2019 года"
                ),
                "lead": (
                    "А.В.Грушко рассказал о принципах, на которых могла бы строиться устойчивая "
                    "архитектура безопасности в Европе."
                ),
                "place": "Москва",
                "body": (
                    "<p>Коллеги,</p>\n"
                    "<p>Тема сегодняшней дискуссии — одна из важнейших для будущего нашего "
                    "континента. Опыт последних десятилетий показывает, что безопасность в Европе "
                    "невозможно строить против кого-либо, ее можно строить только вместе, на "
                    "основе принципа неделимости безопасности, закрепленного в основополагающих "
                    "документах ОБСЕ.</p>\n"
                    "<p>Любая устойчивая архитектура должна учитывать законные интересы всех "
                    "государств, опираться на юридически обязывающие гарантии, предусматривать "
                    "механизмы военной сдержанности, транспарентности и предотвращения "
                    "инцидентов. Полезный вклад в проработку таких идей может внести экспертный "
                    "диалог, в том числе с участием представителей России и Германии.</p>\n"
                    "<p>Желаю вам плодотворной дискуссии.</p>"
                ),
            },
            "de": {
                "title": (
                    "Rede des stellvertretenden russischen Außenministers Alexander Gruschko bei "
                    "einem Runden Tisch zur Zukunft der europäischen Sicherheit, Moskau, 12. "
                    "Februar 2019"
                ),
                "lead": (
                    "Alexander Gruschko sprach über die Prinzipien, auf denen eine tragfähige "
                    "Sicherheitsarchitektur in Europa beruhen könnte."
                ),
                "place": "Moskau",
                "body": (
                    "<p>Liebe Kolleginnen und Kollegen,</p>\n"
                    "<p>das Thema der heutigen Diskussion ist eines der wichtigsten für die "
                    "Zukunft unseres Kontinents. Die Erfahrung der letzten Jahrzehnte zeigt, dass "
                    "Sicherheit in Europa nicht gegen jemanden aufgebaut werden kann, sondern nur "
                    "gemeinsam, auf der Grundlage des in den grundlegenden OSZE-Dokumenten "
                    "verankerten Prinzips der Unteilbarkeit der Sicherheit.</p>\n"
                    "<p>Jede tragfähige Architektur muss die legitimen Interessen aller Staaten "
                    "berücksichtigen, sich auf rechtsverbindliche Garantien stützen und "
                    "Mechanismen der militärischen Zurückhaltung, der Transparenz und der "
                    "Verhütung von Zwischenfällen vorsehen. Ein Expertendialog, auch unter "
                    "Beteiligung von Vertretern Russlands und Deutschlands, kann einen nützlichen "
                    "Beitrag zur Ausarbeitung solcher Ideen leisten.</p>\n"
                    "<p>Ich wünsche Ihnen eine fruchtbare Diskussion.</p>"
                ),
            },
        },
    },
    {
        "reference": "1867-09-10-2019",
        "type": "press_release",
        "published_at": "2019-10-09T13:25",
        "original_language": "ru",
        "speakers": [],
        "topics": ["middle-east"],
        "countries": ["EG"],
        "versions": {
            "en": {
                "title": "Russian-Egyptian consultations on the Middle East and North Africa",
                "lead": (
                    "The parties reaffirmed their commitment to settling regional crises by "
                    "political and diplomatic means."
                ),
                "place": "Cairo",
                "body": (
                    "<p>On October 9, Cairo hosted consultations between the foreign ministries "
                    "of Russia and Egypt on the situation in the Middle East and North "
                    "Africa.</p>\n"
                    "<p>The parties had a detailed exchange of views on the situation in the "
                    "region and reaffirmed their shared commitment to settling crises exclusively "
                    "by political and diplomatic means, on the basis of international law and "
                    "with respect for the sovereignty and territorial integrity of states. They "
                    "also discussed the humanitarian situation and the need to ensure unimpeded "
                    "humanitarian access to those in need.</p>\n"
                    "<p>The parties noted the high level of Russian-Egyptian relations of "
                    "comprehensive partnership and strategic cooperation and agreed to continue "
                    "close coordination, including at the United Nations.</p>"
                ),
            },
            "ru": {
                "title": (
                    "О российско-египетских консультациях по Ближнему Востоку и Северной Африке"
                ),
                "lead": (
                    "Стороны подтвердили приверженность урегулированию региональных кризисов "
                    "политико-дипломатическими средствами."
                ),
                "place": "Каир",
                "body": (
                    "<p>9 октября в Каире состоялись консультации между министерствами "
                    "иностранных дел России и Египта по ситуации на Ближнем Востоке и в Северной "
                    "Африке.</p>\n"
                    "<p>Состоялся обстоятельный обмен мнениями о положении дел в регионе, "
                    "подтверждена общая приверженность урегулированию кризисов исключительно "
                    "политико-дипломатическими средствами на основе международного права при "
                    "уважении суверенитета и территориальной целостности государств. Обсуждены "
                    "также гуманитарная ситуация и необходимость обеспечить беспрепятственный "
                    "гуманитарный доступ к нуждающимся.</p>\n"
                    "<p>Стороны отметили высокий уровень российско-египетских отношений "
                    "всеобъемлющего партнерства и стратегического сотрудничества и договорились "
                    "продолжать тесную координацию, в том числе в ООН.</p>"
                ),
            },
            "ar": {
                "title": "المشاورات الروسية المصرية بشأن الشرق الأوسط وشمال أفريقيا",
                "lead": (
                    "أكد الجانبان التزامهما بتسوية الأزمات الإقليمية بالوسائل السياسية "
                    "والدبلوماسية."
                ),
                "place": "القاهرة",
                "body": (
                    "<p>استضافت القاهرة في 9 أكتوبر مشاورات بين وزارتي خارجية روسيا ومصر بشأن "
                    "الأوضاع في الشرق الأوسط وشمال أفريقيا.</p>\n"
                    "<p>وجرى تبادل مفصل لوجهات النظر حول الأوضاع في المنطقة، وأكد الجانبان "
                    "التزامهما المشترك بتسوية الأزمات بالوسائل السياسية والدبلوماسية حصرًا، على "
                    "أساس القانون الدولي ومع احترام سيادة الدول وسلامة أراضيها. كما ناقشا الوضع "
                    "الإنساني وضرورة ضمان وصول المساعدات الإنسانية دون عوائق إلى المحتاجين.</p>\n"
                    "<p>وأشار الجانبان إلى المستوى الرفيع لعلاقات الشراكة الشاملة والتعاون "
                    "الاستراتيجي بين روسيا ومصر، واتفقا على مواصلة التنسيق الوثيق، بما في ذلك في "
                    "الأمم المتحدة.</p>"
                ),
            },
        },
    },
    {
        "reference": "1874-14-10-2019",
        "type": "answer_to_media",
        "published_at": "2019-10-14T17:20",
        "original_language": "ru",
        "speakers": ["ryabkov"],
        "topics": ["strategic-stability"],
        "countries": ["US"],
        "versions": {
            "en": {
                "title": (
                    "Deputy Foreign Minister Sergey Ryabkov's answer to a media question on "
                    "dialogue on strategic stability"
                ),
                "lead": (
                    "Sergey Ryabkov reaffirmed Russia's openness to a mutually respectful "
                    "dialogue on arms control."
                ),
                "place": "Moscow",
                "body": (
                    "<p><strong>Question:</strong> Is Moscow ready to resume a dialogue with "
                    "Washington on strategic stability?</p>\n"
                    "<p><strong>Sergey Ryabkov:</strong> Our position is well known and has not "
                    "changed. We have always been in favour of a mutually respectful dialogue on "
                    "strategic stability and arms control. Such a dialogue can only be productive "
                    "if it is based on equality, takes into account the security interests of "
                    "both sides and covers all factors affecting strategic stability.</p>\n"
                    "<p>We are ready for contacts with the American side as soon as it shows a "
                    "genuine willingness to engage in such a dialogue. At the same time, we will "
                    "continue to take all necessary measures to ensure our own security.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Ответ заместителя Министра иностранных дел России С.А.Рябкова на вопрос СМИ "
                    "о диалоге по стратегической стабильности"
                ),
                "lead": (
                    "С.А.Рябков подтвердил открытость России к взаимоуважительному диалогу по "
                    "контролю над вооружениями."
                ),
                "place": "Москва",
                "body": (
                    "<p><strong>Вопрос:</strong> Готова ли Москва возобновить диалог с "
                    "Вашингтоном по стратегической стабильности?</p>\n"
                    "<p><strong>С.А.Рябков:</strong> Наша позиция хорошо известна и не "
                    "изменилась. Мы всегда выступали за взаимоуважительный диалог по "
                    "стратегической стабильности и контролю над вооружениями. Такой диалог может "
                    "быть продуктивным, только если он строится на основе равноправия, учитывает "
                    "интересы безопасности обеих сторон и охватывает все факторы, влияющие на "
                    "стратегическую стабильность.</p>\n"
                    "<p>Мы готовы к контактам с американской стороной, как только она "
                    "продемонстрирует подлинную готовность к такому диалогу. При этом будем и "
                    "впредь принимать все необходимые меры для обеспечения собственной "
                    "безопасности.</p>"
                ),
            },
        },
    },
    {
        "reference": "2130-18-10-2019",
        "type": "comment",
        "published_at": "2019-10-18T17:30",
        "original_language": "ru",
        "speakers": [],
        "topics": ["arctic"],
        "countries": ["NO"],
        "versions": {
            "en": {
                "title": (
                    "Comment by the Information and Press Department on the session of the Joint "
                    "Russian-Norwegian Fisheries Commission"
                ),
                "lead": "",
                "place": "",
                "body": (
                    "<p>The regular session of the Joint Russian-Norwegian Fisheries Commission "
                    "has completed its work.</p>\n"
                    "<p>The parties agreed on total allowable catches for the main commercial "
                    "fish stocks in the Barents Sea for the coming year and on measures to ensure "
                    "the sustainable use of the region's marine living resources. The talks were "
                    "held in a businesslike and constructive atmosphere.</p>\n"
                    "<p>Cooperation in fisheries management remains one of the most successful "
                    "areas of practical interaction between Russia and Norway in the Arctic. We "
                    "are confident that the established mechanisms of scientific and regulatory "
                    "cooperation will continue to serve the interests of both countries and the "
                    "preservation of the unique northern ecosystems.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Комментарий Департамента информации и печати МИД России в связи с сессией "
                    "Смешанной российско-норвежской комиссии по рыболовству"
                ),
                "lead": "",
                "place": "",
                "body": (
                    "<p>Завершилась очередная сессия Смешанной российско-норвежской комиссии по "
                    "рыболовству.</p>\n"
                    "<p>Стороны согласовали общие допустимые уловы основных промысловых запасов "
                    "рыб в Баренцевом море на предстоящий год, а также меры по обеспечению "
                    "устойчивого использования морских живых ресурсов региона. Переговоры прошли "
                    "в деловой и конструктивной атмосфере.</p>\n"
                    "<p>Сотрудничество в области управления рыбными запасами остается одним из "
                    "наиболее успешных направлений практического взаимодействия России и Норвегии "
                    "в Арктике. Уверены, что сложившиеся механизмы научного и регуляторного "
                    "взаимодействия и впредь будут служить интересам обеих стран и сохранению "
                    "уникальных северных экосистем.</p>"
                ),
            },
        },
    },
    {
        "reference": "2289-16-11-2019",
        "type": "interview",
        "published_at": "2019-11-16T09:40",
        "original_language": "ru",
        "speakers": ["rudenko"],
        "topics": ["asia-pacific", "sco"],
        "countries": ["CN", "IN"],
        "versions": {
            "en": {
                "title": (
                    "Deputy Foreign Minister Andrey Rudenko's interview with Asian Horizons "
                    "magazine, Moscow, November 16, 2019"
                ),
                "lead": (
                    "Andrey Rudenko spoke about Russia's policy in the Asia-Pacific region and "
                    "cooperation within the SCO."
                ),
                "place": "Moscow",
                "body": (
                    "<p><strong>Question:</strong> What are Russia's priorities in the "
                    "Asia-Pacific region today?</p>\n"
                    "<p><strong>Andrey Rudenko:</strong> Our main goal is to help build an open, "
                    "inclusive and equal architecture of security and cooperation in the region. "
                    "We are developing relations with all countries of the Asia-Pacific region "
                    "without exception, and we are convinced that regional problems should be "
                    "solved through dialogue, without creating closed military-political "
                    "blocs.</p>\n"
                    "<p><strong>Question:</strong> What role does the Shanghai Cooperation "
                    "Organisation play in this?</p>\n"
                    "<p><strong>Andrey Rudenko:</strong> The SCO has become one of the pillars of "
                    "stability in Eurasia. Its members, including Russia, China and India, "
                    "cooperate in countering terrorism and drug trafficking, as well as in trade, "
                    "transport and humanitarian exchanges. We value the spirit of mutual trust "
                    "and consensus that underlies the work of the organisation.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Интервью заместителя Министра иностранных дел России А.Ю.Руденко журналу "
                    "«Азиатские горизонты», Москва, 16 ноября 2019 года"
                ),
                "lead": (
                    "А.Ю.Руденко рассказал о политике России в Азиатско-Тихоокеанском регионе и "
                    "взаимодействии в рамках ШОС."
                ),
                "place": "Москва",
                "body": (
                    "<p><strong>Вопрос:</strong> Каковы сегодня приоритеты России в "
                    "Азиатско-Тихоокеанском регионе?</p>\n"
                    "<p><strong>А.Ю.Руденко:</strong> Наша главная цель — содействовать "
                    "формированию в регионе открытой, инклюзивной и равноправной архитектуры "
                    "безопасности и сотрудничества. Мы развиваем отношения со всеми без "
                    "исключения странами АТР и убеждены, что региональные проблемы должны "
                    "решаться путем диалога, без создания замкнутых военно-политических "
                    "блоков.</p>\n"
                    "<p><strong>Вопрос:</strong> Какую роль в этом играет Шанхайская организация "
                    "сотрудничества?</p>\n"
                    "<p><strong>А.Ю.Руденко:</strong> ШОС стала одной из опор стабильности в "
                    "Евразии. Ее члены, в том числе Россия, Китай и Индия, взаимодействуют в "
                    "противодействии терроризму и наркотрафику, а также в сфере торговли, "
                    "транспорта и гуманитарных обменов. Мы дорожим духом взаимного доверия и "
                    "консенсуса, который лежит в основе работы организации.</p>"
                ),
            },
        },
    },
    # The English body deliberately ends with a hostile snippet (onclick handler and <script>); the
    # loader's HTML sanitiser must strip it. Do not remove: it exercises the sanitiser.
    {
        "reference": "2495-03-12-2019",
        "type": "press_release",
        "published_at": "2019-12-03T19:30",
        "original_language": "ru",
        "speakers": ["lavrov"],
        "topics": ["asia-pacific", "sco"],
        "countries": ["IN"],
        "versions": {
            "en": {
                "title": (
                    "Foreign Minister Sergey Lavrov's telephone conversation with Minister of "
                    "External Affairs of the Republic of India"
                ),
                "lead": (
                    "The ministers discussed preparations for upcoming bilateral contacts and "
                    "cooperation within the SCO and BRICS."
                ),
                "place": "Moscow",
                "body": (
                    "<p>On December 3, Foreign Minister Sergey Lavrov had a telephone "
                    "conversation with Minister of External Affairs of the Republic of "
                    "India.</p>\n"
                    "<p>The ministers discussed the schedule of upcoming bilateral contacts, "
                    "including at the highest level, and reaffirmed their shared commitment to "
                    "further strengthening the special and privileged strategic partnership "
                    "between Russia and India.</p>\n"
                    "<p>The parties also exchanged views on cooperation within the Shanghai "
                    "Cooperation Organisation and BRICS, current issues on the UN agenda and the "
                    "situation in the Asia-Pacific region.</p>\n"
                    '<p onclick="alert(1)">Click</p><script>alert(1)</script>'
                ),
            },
            "ru": {
                "title": (
                    "О телефонном разговоре Министра иностранных дел России С.В.Лаврова с "
                    "Министром иностранных дел Республики Индия"
                ),
                "lead": (
                    "Министры обсудили подготовку предстоящих двусторонних контактов и "
                    "взаимодействие в ШОС и БРИКС."
                ),
                "place": "Москва",
                "body": (
                    "<p>3 декабря состоялся телефонный разговор Министра иностранных дел "
                    "Российской Федерации С.В.Лаврова с Министром иностранных дел Республики "
                    "Индия.</p>\n"
                    "<p>Министры обсудили график предстоящих двусторонних контактов, в том числе "
                    "на высшем уровне, и подтвердили общую приверженность дальнейшему укреплению "
                    "особо привилегированного стратегического партнерства между Россией и "
                    "Индией.</p>\n"
                    "<p>Стороны также обменялись мнениями о взаимодействии в рамках Шанхайской "
                    "организации сотрудничества и БРИКС, актуальных вопросах повестки дня ООН и "
                    "ситуации в Азиатско-Тихоокеанском регионе.</p>"
                ),
            },
        },
    },
    {
        "reference": "2587-20-12-2019",
        "type": "article",
        "published_at": "2019-12-20T10:00",
        "original_language": "ru",
        "speakers": ["lavrov"],
        "topics": ["union-state", "eaeu"],
        "countries": ["BY"],
        "versions": {
            "en": {
                "title": (
                    "Foreign Minister Sergey Lavrov's article on the 20th anniversary of the "
                    "Treaty on the Creation of a Union State"
                ),
                "lead": (
                    "Sergey Lavrov reviews two decades of Russian-Belarusian integration and "
                    "outlines priorities for coordinated foreign policy."
                ),
                "place": "",
                "body": (
                    "<p>On December 8, 1999, the leaders of Russia and Belarus signed the Treaty "
                    "on the Creation of a Union State. Over the past twenty years, this document "
                    "has become the foundation of a unique integration project based on the "
                    "fraternal ties between our peoples, their shared history and common "
                    "values.</p>\n"
                    "<p>Much has been achieved over this time. Citizens of our countries enjoy "
                    "equal rights in employment, education and healthcare, and the common market "
                    "has stimulated mutual trade and industrial cooperation. The experience of "
                    "the Union State also proved valuable in building the Eurasian Economic "
                    "Union.</p>\n"
                    "<p>Coordinated foreign policy remains an important pillar of our alliance. "
                    "Our foreign ministries work hand in hand at the UN, the OSCE and other "
                    "multilateral platforms, upholding the principles of international law and of "
                    "equal and indivisible security.</p>\n"
                    "<p>We look to the future with confidence. Building on what has been "
                    "achieved, Russia and Belarus will continue to deepen their integration in "
                    "the interests of the well-being of our citizens.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Статья Министра иностранных дел России С.В.Лаврова к 20-летию Договора о "
                    "создании Союзного государства"
                ),
                "lead": (
                    "С.В.Лавров подводит итоги двух десятилетий российско-белорусской интеграции "
                    "и намечает приоритеты согласованной внешней политики."
                ),
                "place": "",
                "body": (
                    "<p>8 декабря 1999 года лидеры России и Беларуси подписали Договор о создании "
                    "Союзного государства. За прошедшие двадцать лет этот документ стал основой "
                    "уникального интеграционного проекта, опирающегося на братские узы наших "
                    "народов, их общую историю и общие ценности.</p>\n"
                    "<p>За это время сделано немало. Граждане наших стран пользуются равными "
                    "правами в сфере трудоустройства, образования и здравоохранения, а общий "
                    "рынок стимулирует взаимную торговлю и промышленную кооперацию. Опыт Союзного "
                    "государства оказался востребован и при создании Евразийского экономического "
                    "союза.</p>\n"
                    "<p>Важной опорой наших союзнических отношений остается согласованная внешняя "
                    "политика. Наши министерства иностранных дел действуют рука об руку в ООН, "
                    "ОБСЕ и на других многосторонних площадках, отстаивая принципы международного "
                    "права, равной и неделимой безопасности.</p>\n"
                    "<p>Мы с уверенностью смотрим в будущее. Опираясь на достигнутое, Россия и "
                    "Беларусь продолжат углублять интеграцию в интересах благополучия наших "
                    "граждан.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Article de M. Sergueï Lavrov, ministre russe des Affaires étrangères, à "
                    "l'occasion du 20e anniversaire du Traité portant création de l'État de "
                    "l'Union"
                ),
                "lead": (
                    "Sergueï Lavrov dresse le bilan de deux décennies d'intégration "
                    "russo-biélorusse et présente les priorités d'une politique étrangère "
                    "coordonnée."
                ),
                "place": "",
                "body": (
                    "<p>Le 8 décembre 1999, les dirigeants de la Russie et du Bélarus ont signé "
                    "le Traité portant création de l'État de l'Union. En vingt ans, ce document "
                    "est devenu le fondement d'un projet d'intégration unique, qui repose sur les "
                    "liens fraternels entre nos peuples, leur histoire partagée et leurs valeurs "
                    "communes.</p>\n"
                    "<p>Beaucoup a été accompli durant cette période. Les citoyens de nos pays "
                    "jouissent de droits égaux en matière d'emploi, d'éducation et de santé, et "
                    "le marché commun a stimulé les échanges commerciaux et la coopération "
                    "industrielle. L'expérience de l'État de l'Union s'est également révélée "
                    "précieuse pour la construction de l'Union économique eurasiatique.</p>\n"
                    "<p>La politique étrangère coordonnée reste un pilier important de notre "
                    "alliance. Nos ministères des Affaires étrangères travaillent main dans la "
                    "main à l'ONU, à l'OSCE et sur d'autres plateformes multilatérales, en "
                    "défendant les principes du droit international et d'une sécurité égale et "
                    "indivisible.</p>\n"
                    "<p>Nous regardons l'avenir avec confiance. En s'appuyant sur les acquis, la "
                    "Russie et le Bélarus continueront d'approfondir leur intégration dans "
                    "l'intérêt du bien-être de nos citoyens.</p>"
                ),
            },
            "es": {
                "title": (
                    "Artículo del Ministro de Asuntos Exteriores de Rusia, Serguéi Lavrov, con "
                    "motivo del 20.º aniversario del Tratado de creación del Estado de la Unión"
                ),
                "lead": (
                    "Serguéi Lavrov repasa dos décadas de integración ruso-bielorrusa y expone "
                    "las prioridades de una política exterior coordinada."
                ),
                "place": "",
                "body": (
                    "<p>El 8 de diciembre de 1999, los líderes de Rusia y Belarús firmaron el "
                    "Tratado de creación del Estado de la Unión. En los últimos veinte años, este "
                    "documento se ha convertido en la base de un proyecto de integración único, "
                    "sustentado en los lazos fraternales entre nuestros pueblos, su historia "
                    "compartida y sus valores comunes.</p>\n"
                    "<p>Se ha logrado mucho en este tiempo. Los ciudadanos de nuestros países "
                    "gozan de igualdad de derechos en materia de empleo, educación y sanidad, y "
                    "el mercado común ha estimulado el comercio mutuo y la cooperación "
                    "industrial. La experiencia del Estado de la Unión también resultó valiosa "
                    "para la construcción de la Unión Económica Euroasiática.</p>\n"
                    "<p>La política exterior coordinada sigue siendo un pilar importante de "
                    "nuestra alianza. Nuestros ministerios de Asuntos Exteriores trabajan codo "
                    "con codo en la ONU, la OSCE y otras plataformas multilaterales, defendiendo "
                    "los principios del derecho internacional y de la seguridad igual e "
                    "indivisible.</p>\n"
                    "<p>Miramos al futuro con confianza. Sobre la base de lo logrado, Rusia y "
                    "Belarús seguirán profundizando su integración en aras del bienestar de "
                    "nuestros ciudadanos.</p>"
                ),
            },
        },
    },
    {
        "reference": "0874-31-07-2020",
        "type": "comment",
        "published_at": "2020-07-31T11:45",
        "original_language": "ru",
        "speakers": [],
        "topics": ["european-security"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Comment by the Information and Press Department on the 45th anniversary of "
                    "the signing of the Helsinki Final Act"
                ),
                "lead": (
                    "The principles enshrined in the Final Act retain their significance for "
                    "building a common space of security and cooperation in Europe."
                ),
                "place": "",
                "body": (
                    "<p>On August 1, 1975, the leaders of 35 states signed the Final Act of the "
                    "Conference on Security and Cooperation in Europe in Helsinki. The document "
                    "laid the foundation for a system of interaction in the Euro-Atlantic region "
                    "based on the principles of sovereign equality, the non-use of force, the "
                    "inviolability of borders and the peaceful settlement of disputes.</p>\n"
                    "<p>The Helsinki Final Act remains a landmark of European diplomacy. Its "
                    "decalogue of principles is as relevant today as it was 45 years ago, and all "
                    "of them must be respected in their entirety and interrelation, without "
                    "selective interpretation.</p>\n"
                    "<p>Russia remains committed to the goal of building a common space of equal "
                    "and indivisible security from Vancouver to Vladivostok. We believe that the "
                    "OSCE, whose origins lie in the Helsinki process, should serve as a platform "
                    "for a mutually respectful dialogue aimed at overcoming dividing lines on the "
                    "continent.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Комментарий Департамента информации и печати МИД России в связи с 45-летием "
                    "подписания Хельсинкского Заключительного акта"
                ),
                "lead": (
                    "Принципы, закрепленные в Заключительном акте, сохраняют свое значение для "
                    "построения общего пространства безопасности и сотрудничества в Европе."
                ),
                "place": "",
                "body": (
                    "<p>1 августа 1975 года в Хельсинки лидеры 35 государств подписали "
                    "Заключительный акт Совещания по безопасности и сотрудничеству в Европе. "
                    "Документ заложил основу системы взаимодействия в Евро-Атлантическом регионе "
                    "на принципах суверенного равенства, неприменения силы, нерушимости границ и "
                    "мирного урегулирования споров.</p>\n"
                    "<p>Хельсинкский Заключительный акт остается вехой европейской дипломатии. "
                    "Его «декалог» принципов столь же актуален сегодня, как и 45 лет назад, и все "
                    "они должны соблюдаться в полном объеме и во взаимосвязи, без избирательного "
                    "толкования.</p>\n"
                    "<p>Россия остается приверженной цели построения общего пространства равной и "
                    "неделимой безопасности от Ванкувера до Владивостока. Считаем, что ОБСЕ, "
                    "истоки которой восходят к Хельсинкскому процессу, должна служить площадкой "
                    "для взаимоуважительного диалога, направленного на преодоление разделительных "
                    "линий на континенте.</p>"
                ),
            },
            "de": {
                "title": (
                    "Kommentar des Departements für Information und Presse des russischen "
                    "Außenministeriums zum 45. Jahrestag der Unterzeichnung der Schlussakte von "
                    "Helsinki"
                ),
                "lead": (
                    "Die in der Schlussakte verankerten Prinzipien behalten ihre Bedeutung für "
                    "den Aufbau eines gemeinsamen Raums der Sicherheit und Zusammenarbeit in "
                    "Europa."
                ),
                "place": "",
                "body": (
                    "<p>Am 1. August 1975 unterzeichneten die Staats- und Regierungschefs von 35 "
                    "Staaten in Helsinki die Schlussakte der Konferenz über Sicherheit und "
                    "Zusammenarbeit in Europa. Das Dokument legte den Grundstein für ein System "
                    "der Zusammenarbeit im euroatlantischen Raum auf der Grundlage der Prinzipien "
                    "der souveränen Gleichheit, der Nichtanwendung von Gewalt, der "
                    "Unverletzlichkeit der Grenzen und der friedlichen Streitbeilegung.</p>\n"
                    "<p>Die Schlussakte von Helsinki bleibt ein Meilenstein der europäischen "
                    "Diplomatie. Ihr Dekalog der Prinzipien ist heute ebenso aktuell wie vor 45 "
                    "Jahren, und alle diese Prinzipien müssen in vollem Umfang und in ihrem "
                    "Zusammenhang eingehalten werden, ohne selektive Auslegung.</p>\n"
                    "<p>Russland hält an dem Ziel fest, einen gemeinsamen Raum gleicher und "
                    "unteilbarer Sicherheit von Vancouver bis Wladiwostok zu schaffen. Wir sind "
                    "der Auffassung, dass die OSZE, deren Ursprünge im Helsinki-Prozess liegen, "
                    "als Plattform für einen von gegenseitigem Respekt getragenen Dialog dienen "
                    "sollte, der auf die Überwindung von Trennlinien auf dem Kontinent "
                    "abzielt.</p>"
                ),
            },
        },
    },
    {
        "reference": "1012-21-09-2020",
        "type": "statement",
        "published_at": "2020-09-21T09:00",
        "original_language": "ru",
        "speakers": [],
        "topics": ["united-nations"],
        "countries": [],
        "versions": {
            "en": {
                "title": "Foreign Ministry statement on the International Day of Peace",
                "lead": (
                    "Russia calls for strengthening the central coordinating role of the United "
                    "Nations in maintaining international peace and security."
                ),
                "place": "Moscow",
                "body": (
                    "<p>Every year on September 21, the international community marks the "
                    "International Day of Peace, established by the UN General Assembly. This "
                    "year it coincides with the 75th anniversary of the United Nations, whose "
                    "founders proclaimed their determination to save succeeding generations from "
                    "the scourge of war.</p>\n"
                    "<p>Russia consistently advocates the settlement of conflicts exclusively by "
                    "political and diplomatic means, on the basis of international law and the UN "
                    "Charter. We are convinced that there is no reasonable alternative to "
                    "dialogue and the search for a balance of interests, however complex the "
                    "disagreements may be.</p>\n"
                    "<p>On this day, we call on all states to join efforts to strengthen trust, "
                    "prevent new conflicts and support the central coordinating role of the "
                    "United Nations in world affairs.</p>"
                ),
            },
            "ru": {
                "title": "Заявление МИД России в связи с Международным днем мира",
                "lead": (
                    "Россия выступает за укрепление центральной координирующей роли ООН в "
                    "поддержании международного мира и безопасности."
                ),
                "place": "Москва",
                "body": (
                    "<p>Ежегодно 21 сентября международное сообщество отмечает учрежденный "
                    "Генеральной Ассамблеей ООН Международный день мира. В этом году он совпадает "
                    "с 75-летием Организации Объединенных Наций, основатели которой провозгласили "
                    "решимость избавить грядущие поколения от бедствий войны.</p>\n"
                    "<p>Россия последовательно выступает за урегулирование конфликтов "
                    "исключительно политико-дипломатическими средствами на основе международного "
                    "права и Устава ООН. Убеждены, что разумной альтернативы диалогу и поиску "
                    "баланса интересов нет, какими бы сложными ни были разногласия.</p>\n"
                    "<p>В этот день призываем все государства объединить усилия для укрепления "
                    "доверия, предотвращения новых конфликтов и поддержки центральной "
                    "координирующей роли Организации Объединенных Наций в мировых делах.</p>"
                ),
            },
            "de": {
                "title": (
                    "Erklärung des russischen Außenministeriums zum Internationalen Tag des "
                    "Friedens"
                ),
                "lead": (
                    "Russland tritt für die Stärkung der zentralen koordinierenden Rolle der "
                    "Vereinten Nationen bei der Wahrung des Weltfriedens und der internationalen "
                    "Sicherheit ein."
                ),
                "place": "Moskau",
                "body": (
                    "<p>Jedes Jahr am 21. September begeht die internationale Gemeinschaft den "
                    "von der UN-Generalversammlung ausgerufenen Internationalen Tag des Friedens. "
                    "In diesem Jahr fällt er mit dem 75-jährigen Bestehen der Vereinten Nationen "
                    "zusammen, deren Gründer ihre Entschlossenheit bekundeten, künftige "
                    "Geschlechter vor der Geißel des Krieges zu bewahren.</p>\n"
                    "<p>Russland setzt sich konsequent dafür ein, Konflikte ausschließlich mit "
                    "politischen und diplomatischen Mitteln auf der Grundlage des Völkerrechts "
                    "und der UN-Charta beizulegen. Wir sind überzeugt, dass es zum Dialog und zur "
                    "Suche nach einem Interessenausgleich keine vernünftige Alternative gibt, wie "
                    "komplex die Meinungsverschiedenheiten auch sein mögen.</p>\n"
                    "<p>An diesem Tag rufen wir alle Staaten auf, ihre Anstrengungen zu bündeln, "
                    "um das Vertrauen zu stärken, neuen Konflikten vorzubeugen und die zentrale "
                    "koordinierende Rolle der Vereinten Nationen in den Weltangelegenheiten zu "
                    "unterstützen.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Déclaration du ministère russe des Affaires étrangères à l'occasion de la "
                    "Journée internationale de la paix"
                ),
                "lead": (
                    "La Russie appelle à renforcer le rôle central de coordination de "
                    "l'Organisation des Nations unies dans le maintien de la paix et de la "
                    "sécurité internationales."
                ),
                "place": "Moscou",
                "body": (
                    "<p>Chaque année, le 21 septembre, la communauté internationale célèbre la "
                    "Journée internationale de la paix, instituée par l'Assemblée générale des "
                    "Nations unies. Cette année, elle coïncide avec le 75e anniversaire de "
                    "l'Organisation des Nations unies, dont les fondateurs ont proclamé leur "
                    "résolution à préserver les générations futures du fléau de la guerre.</p>\n"
                    "<p>La Russie prône invariablement le règlement des conflits exclusivement "
                    "par des moyens politiques et diplomatiques, sur la base du droit "
                    "international et de la Charte des Nations unies. Nous sommes convaincus "
                    "qu'il n'existe pas d'alternative raisonnable au dialogue et à la recherche "
                    "d'un équilibre des intérêts, aussi complexes que soient les désaccords.</p>\n"
                    "<p>En ce jour, nous appelons tous les États à unir leurs efforts pour "
                    "renforcer la confiance, prévenir de nouveaux conflits et soutenir le rôle "
                    "central de coordination de l'Organisation des Nations unies dans les "
                    "affaires mondiales.</p>"
                ),
            },
            "es": {
                "title": (
                    "Declaración del Ministerio de Asuntos Exteriores de Rusia con motivo del Día "
                    "Internacional de la Paz"
                ),
                "lead": (
                    "Rusia aboga por fortalecer el papel central y coordinador de las Naciones "
                    "Unidas en el mantenimiento de la paz y la seguridad internacionales."
                ),
                "place": "Moscú",
                "body": (
                    "<p>Cada año, el 21 de septiembre, la comunidad internacional celebra el Día "
                    "Internacional de la Paz, instituido por la Asamblea General de las Naciones "
                    "Unidas. Este año coincide con el 75.º aniversario de las Naciones Unidas, "
                    "cuyos fundadores proclamaron su resolución de preservar a las generaciones "
                    "venideras del flagelo de la guerra.</p>\n"
                    "<p>Rusia aboga sistemáticamente por la solución de los conflictos "
                    "exclusivamente por medios políticos y diplomáticos, sobre la base del "
                    "derecho internacional y de la Carta de las Naciones Unidas. Estamos "
                    "convencidos de que no existe una alternativa razonable al diálogo y a la "
                    "búsqueda de un equilibrio de intereses, por complejas que sean las "
                    "discrepancias.</p>\n"
                    "<p>En este día, hacemos un llamamiento a todos los Estados para que aúnen "
                    "esfuerzos con el fin de fortalecer la confianza, prevenir nuevos conflictos "
                    "y apoyar el papel central y coordinador de las Naciones Unidas en los "
                    "asuntos mundiales.</p>"
                ),
            },
            "ar": {
                "title": "بيان وزارة الخارجية الروسية بمناسبة اليوم الدولي للسلام",
                "lead": (
                    "تدعو روسيا إلى تعزيز الدور التنسيقي المركزي للأمم المتحدة في صون السلم "
                    "والأمن الدوليين."
                ),
                "place": "موسكو",
                "body": (
                    "<p>يحتفل المجتمع الدولي في الحادي والعشرين من سبتمبر من كل عام باليوم الدولي "
                    "للسلام الذي أقرته الجمعية العامة للأمم المتحدة. ويتزامن هذا اليوم هذا العام "
                    "مع الذكرى الخامسة والسبعين لتأسيس منظمة الأمم المتحدة، التي أعلن مؤسسوها "
                    "عزمهم على إنقاذ الأجيال المقبلة من ويلات الحرب.</p>\n"
                    "<p>تدعو روسيا باستمرار إلى تسوية النزاعات بالوسائل السياسية والدبلوماسية "
                    "حصرًا، على أساس القانون الدولي وميثاق الأمم المتحدة. ونحن على قناعة بأنه لا "
                    "بديل معقولًا عن الحوار والبحث عن توازن المصالح، مهما بلغت الخلافات من "
                    "تعقيد.</p>\n"
                    "<p>وفي هذا اليوم، ندعو جميع الدول إلى توحيد جهودها من أجل تعزيز الثقة ومنع "
                    "نشوب نزاعات جديدة ودعم الدور التنسيقي المركزي للأمم المتحدة في الشؤون "
                    "العالمية.</p>"
                ),
            },
        },
    },
    {
        "reference": "1087-01-10-2020",
        "type": "press_release",
        "published_at": "2020-10-01T14:10",
        "original_language": "ru",
        "speakers": ["vetrov"],
        "topics": ["consular-affairs"],
        "countries": [],
        "versions": {
            "ru": {
                "title": "О запуске обновленных консульских онлайн-сервисов",
                "lead": "",
                "place": "Москва",
                "body": (
                    "<p>Консульский департамент МИД России сообщает о запуске обновленной версии "
                    "портала электронной записи на прием в консульские учреждения Российской "
                    "Федерации за рубежом.</p>\n"
                    "<p>Новая версия позволяет подать заявление на оформление ряда документов в "
                    "электронном виде, отслеживать статус его рассмотрения и получать уведомления "
                    "о готовности документов. Как отметил директор Консульского департамента "
                    "И.Ветров, это позволит существенно сократить время ожидания и сделать "
                    "консульские услуги удобнее для граждан.</p>\n"
                    "<p>Подробная информация размещена на сайтах российских посольств и "
                    "генеральных консульств.</p>"
                ),
            },
        },
    },
    {
        "reference": "0398-02-03-2021",
        "type": "speech",
        "published_at": "2021-03-02T16:50",
        "original_language": "en",
        "speakers": ["ryabkov"],
        "topics": ["strategic-stability", "united-nations"],
        "countries": ["US"],
        "versions": {
            "en": {
                "title": (
                    "Deputy Foreign Minister Sergey Ryabkov's remarks at the plenary meeting of "
                    "the Conference on Disarmament, Geneva, March 2, 2021"
                ),
                "lead": (
                    "Sergey Ryabkov called for resuming substantive work at the Conference and "
                    "for a comprehensive dialogue on strategic stability."
                ),
                "place": "Geneva",
                "body": (
                    "<p>Mr President,</p>\n"
                    "<p>The Conference on Disarmament remains the only multilateral negotiating "
                    "forum in the field of disarmament. Unfortunately, for many years it has been "
                    "unable to agree on a programme of work. We believe that this situation can "
                    "be remedied if all delegations show political will and a readiness to take "
                    "into account each other's legitimate concerns.</p>\n"
                    "<p>The Russian Federation welcomes the extension of the New START Treaty for "
                    "five years. This decision gives us time for a comprehensive dialogue on "
                    "strategic stability with the United States that would take into account all "
                    "factors affecting it, both nuclear and non-nuclear, offensive and "
                    "defensive.</p>\n"
                    "<p>We also call on the members of the Conference to begin negotiations on an "
                    "international legally binding instrument on the prevention of an arms race "
                    "in outer space. The Russian-Chinese draft treaty on this subject remains on "
                    "the table, and we are open to discussing any constructive ideas.</p>\n"
                    "<p>Thank you.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Allocution de M. Sergueï Riabkov, vice-ministre russe des Affaires "
                    "étrangères, lors de la séance plénière de la Conférence du désarmement, "
                    "Genève, 2 mars 2021"
                ),
                "lead": (
                    "Sergueï Riabkov a appelé à la reprise d'un travail de fond au sein de la "
                    "Conférence et à un dialogue global sur la stabilité stratégique."
                ),
                "place": "Genève",
                "body": (
                    "<p>Monsieur le Président,</p>\n"
                    "<p>La Conférence du désarmement demeure l'unique instance multilatérale de "
                    "négociation dans le domaine du désarmement. Malheureusement, depuis de "
                    "nombreuses années, elle ne parvient pas à s'entendre sur un programme de "
                    "travail. Nous estimons que cette situation peut être corrigée si toutes les "
                    "délégations font preuve de volonté politique et sont prêtes à tenir compte "
                    "des préoccupations légitimes des unes et des autres.</p>\n"
                    "<p>La Fédération de Russie salue la prolongation pour cinq ans du traité New "
                    "START. Cette décision nous donne le temps d'engager avec les États-Unis un "
                    "dialogue global sur la stabilité stratégique qui tiendrait compte de tous "
                    "les facteurs qui l'affectent, nucléaires et non nucléaires, offensifs et "
                    "défensifs.</p>\n"
                    "<p>Nous appelons également les membres de la Conférence à entamer des "
                    "négociations sur un instrument international juridiquement contraignant "
                    "relatif à la prévention d'une course aux armements dans l'espace "
                    "extra-atmosphérique. Le projet de traité russo-chinois sur cette question "
                    "reste sur la table, et nous sommes ouverts à l'examen de toute idée "
                    "constructive.</p>\n"
                    "<p>Je vous remercie.</p>"
                ),
            },
            "es": {
                "title": (
                    "Intervención del Viceministro de Asuntos Exteriores de Rusia, Serguéi "
                    "Riabkov, en la sesión plenaria de la Conferencia de Desarme, Ginebra, 2 de "
                    "marzo de 2021"
                ),
                "lead": (
                    "Serguéi Riabkov abogó por reanudar el trabajo sustantivo de la Conferencia y "
                    "por un diálogo integral sobre estabilidad estratégica."
                ),
                "place": "Ginebra",
                "body": (
                    "<p>Señor Presidente:</p>\n"
                    "<p>La Conferencia de Desarme sigue siendo el único foro multilateral de "
                    "negociación en materia de desarme. Lamentablemente, desde hace muchos años "
                    "no logra acordar un programa de trabajo. Consideramos que esta situación "
                    "puede corregirse si todas las delegaciones muestran voluntad política y "
                    "disposición a tener en cuenta las preocupaciones legítimas de las "
                    "demás.</p>\n"
                    "<p>La Federación de Rusia celebra la prórroga por cinco años del Tratado "
                    "Nuevo START. Esta decisión nos da tiempo para un diálogo integral sobre "
                    "estabilidad estratégica con Estados Unidos que tenga en cuenta todos los "
                    "factores que la afectan, nucleares y no nucleares, ofensivos y "
                    "defensivos.</p>\n"
                    "<p>Asimismo, instamos a los miembros de la Conferencia a iniciar "
                    "negociaciones sobre un instrumento internacional jurídicamente vinculante "
                    "para la prevención de una carrera de armamentos en el espacio "
                    "ultraterrestre. El proyecto de tratado ruso-chino sobre esta cuestión sigue "
                    "sobre la mesa, y estamos abiertos a examinar cualquier idea "
                    "constructiva.</p>\n"
                    "<p>Gracias.</p>"
                ),
            },
        },
    },
    {
        "reference": "1843-20-09-2021",
        "type": "article",
        "published_at": "2021-09-20T08:00",
        "original_language": "en",
        "speakers": ["nebenzia"],
        "topics": ["united-nations", "international-law"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Article by Permanent Representative of Russia to the United Nations Vassily "
                    "Nebenzia on the opening of the 76th session of the UN General Assembly"
                ),
                "lead": (
                    "The Russian envoy argues that strict adherence to the UN Charter is the key "
                    "to an effective multilateral system."
                ),
                "place": "",
                "body": (
                    "<p>As world leaders gather in New York for the general debate of the 76th "
                    "session of the UN General Assembly, it is worth recalling the simple truth "
                    "on which our Organisation was built: the sovereign equality of states, "
                    "non-interference in their internal affairs and the peaceful settlement of "
                    "disputes.</p>\n"
                    "<p>These principles are not outdated. On the contrary, in a world facing a "
                    "pandemic, climate change and growing economic inequality, they are needed "
                    "more than ever. No country, however powerful, can cope with these challenges "
                    "alone.</p>\n"
                    "<p>Russia stands for a genuinely multilateral approach centred on the United "
                    "Nations. Instead of inventing new rules behind closed doors, we should "
                    "return to the Charter and to the universally agreed norms of international "
                    "law. This is the surest way to restore trust and make the UN fit for the "
                    "challenges of the 21st century.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Article de M. Vassili Nebenzia, représentant permanent de la Russie auprès "
                    "de l'ONU, à l'occasion de l'ouverture de la 76e session de l'Assemblée "
                    "générale des Nations unies"
                ),
                "lead": (
                    "Le représentant russe estime que le strict respect de la Charte des Nations "
                    "unies est la clé d'un système multilatéral efficace."
                ),
                "place": "",
                "body": (
                    "<p>Alors que les dirigeants du monde se réunissent à New York pour le débat "
                    "général de la 76e session de l'Assemblée générale des Nations unies, il "
                    "convient de rappeler la vérité simple sur laquelle notre Organisation a été "
                    "bâtie : l'égalité souveraine des États, la non-ingérence dans leurs affaires "
                    "intérieures et le règlement pacifique des différends.</p>\n"
                    "<p>Ces principes ne sont pas dépassés. Au contraire, dans un monde confronté "
                    "à une pandémie, au changement climatique et à l'aggravation des inégalités "
                    "économiques, ils sont plus nécessaires que jamais. Aucun pays, aussi "
                    "puissant soit-il, ne peut relever seul ces défis.</p>\n"
                    "<p>La Russie prône une approche véritablement multilatérale centrée sur "
                    "l'Organisation des Nations unies. Au lieu d'inventer de nouvelles règles à "
                    "huis clos, nous devrions revenir à la Charte et aux normes universellement "
                    "reconnues du droit international. C'est le moyen le plus sûr de rétablir la "
                    "confiance et d'adapter l'ONU aux défis du XXIe siècle.</p>"
                ),
            },
            "es": {
                "title": (
                    "Artículo del Representante Permanente de Rusia ante las Naciones Unidas, "
                    "Vasili Nebenzia, con motivo de la apertura del 76.º período de sesiones de "
                    "la Asamblea General de la ONU"
                ),
                "lead": (
                    "El representante ruso sostiene que el estricto cumplimiento de la Carta de "
                    "las Naciones Unidas es la clave de un sistema multilateral eficaz."
                ),
                "place": "",
                "body": (
                    "<p>Ahora que los líderes mundiales se reúnen en Nueva York para el debate "
                    "general del 76.º período de sesiones de la Asamblea General de las Naciones "
                    "Unidas, conviene recordar la sencilla verdad sobre la que se construyó "
                    "nuestra Organización: la igualdad soberana de los Estados, la no injerencia "
                    "en sus asuntos internos y la solución pacífica de las controversias.</p>\n"
                    "<p>Estos principios no han quedado obsoletos. Al contrario, en un mundo que "
                    "se enfrenta a una pandemia, al cambio climático y a una creciente "
                    "desigualdad económica, son más necesarios que nunca. Ningún país, por "
                    "poderoso que sea, puede hacer frente a estos desafíos en solitario.</p>\n"
                    "<p>Rusia aboga por un enfoque verdaderamente multilateral centrado en las "
                    "Naciones Unidas. En lugar de inventar nuevas reglas a puerta cerrada, "
                    "deberíamos volver a la Carta y a las normas del derecho internacional "
                    "universalmente acordadas. Es la vía más segura para restablecer la confianza "
                    "y preparar a la ONU para los desafíos del siglo XXI.</p>"
                ),
            },
        },
    },
    {
        "reference": "2201-05-11-2021",
        "type": "answer_to_media",
        "published_at": "2021-11-05T15:20",
        "original_language": "ru",
        "speakers": ["lavrov"],
        "topics": ["union-state", "eaeu"],
        "countries": ["BY"],
        "versions": {
            "en": {
                "title": (
                    "Foreign Minister Sergey Lavrov's answer to a media question on the Union "
                    "State integration programmes, Moscow, November 5, 2021"
                ),
                "lead": (
                    "Sergey Lavrov commented on the significance of the decisions adopted by the "
                    "Supreme State Council of the Union State."
                ),
                "place": "Moscow",
                "body": (
                    "<p><strong>Question:</strong> How do you assess the decisions adopted by the "
                    "Supreme State Council of the Union State yesterday?</p>\n"
                    "<p><strong>Sergey Lavrov:</strong> The approval of the Guidelines for "
                    "implementing the provisions of the Treaty on the Creation of a Union State "
                    "and of the 28 union programmes is an important milestone. These documents "
                    "provide for the harmonisation of legislation in the economy, finance, "
                    "industry, agriculture, transport and many other areas. Their implementation "
                    "will bring tangible benefits to the citizens and businesses of both "
                    "countries.</p>\n"
                    "<p><strong>Question:</strong> Will this affect foreign policy "
                    "coordination?</p>\n"
                    "<p><strong>Sergey Lavrov:</strong> Our close foreign policy coordination has "
                    "long been one of the strongest components of our alliance. Deeper economic "
                    "integration creates an even more solid foundation for it. We will continue "
                    "to act together in the international arena, including at the UN and the "
                    "OSCE, as well as in the CIS, the CSTO and the Eurasian Economic Union.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Ответ Министра иностранных дел России С.В.Лаврова на вопрос СМИ о союзных "
                    "программах интеграции, Москва, 5 ноября 2021 года"
                ),
                "lead": (
                    "С.В.Лавров прокомментировал значение решений, принятых Высшим "
                    "Государственным Советом Союзного государства."
                ),
                "place": "Москва",
                "body": (
                    "<p><strong>Вопрос:</strong> Как Вы оцениваете решения, принятые вчера Высшим "
                    "Государственным Советом Союзного государства?</p>\n"
                    "<p><strong>С.В.Лавров:</strong> Утверждение Основных направлений реализации "
                    "положений Договора о создании Союзного государства и 28 союзных программ — "
                    "важная веха. Эти документы предусматривают гармонизацию законодательства в "
                    "экономике, финансах, промышленности, сельском хозяйстве, на транспорте и во "
                    "многих других сферах. Их реализация принесет ощутимую пользу гражданам и "
                    "деловым кругам обеих стран.</p>\n"
                    "<p><strong>Вопрос:</strong> Отразится ли это на координации внешней "
                    "политики?</p>\n"
                    "<p><strong>С.В.Лавров:</strong> Тесная внешнеполитическая координация давно "
                    "является одной из самых сильных составляющих нашего союза. Углубление "
                    "экономической интеграции создает для нее еще более прочный фундамент. Мы "
                    "будем и впредь действовать сообща на международной арене, в том числе в ООН "
                    "и ОБСЕ, а также в СНГ, ОДКБ и Евразийском экономическом союзе.</p>"
                ),
            },
            "de": {
                "title": (
                    "Antwort des russischen Außenministers Sergej Lawrow auf eine Medienfrage zu "
                    "den Integrationsprogrammen des Unionsstaates, Moskau, 5. November 2021"
                ),
                "lead": (
                    "Sergej Lawrow äußerte sich zur Bedeutung der Beschlüsse des Obersten "
                    "Staatsrates des Unionsstaates."
                ),
                "place": "Moskau",
                "body": (
                    "<p><strong>Frage:</strong> Wie bewerten Sie die gestrigen Beschlüsse des "
                    "Obersten Staatsrates des Unionsstaates?</p>\n"
                    "<p><strong>Sergej Lawrow:</strong> Die Billigung der Leitlinien für die "
                    "Umsetzung der Bestimmungen des Vertrags über die Gründung eines "
                    "Unionsstaates und der 28 Unionsprogramme ist ein wichtiger Meilenstein. "
                    "Diese Dokumente sehen die Harmonisierung der Rechtsvorschriften in "
                    "Wirtschaft, Finanzen, Industrie, Landwirtschaft, Verkehr und vielen anderen "
                    "Bereichen vor. Ihre Umsetzung wird den Bürgern und Unternehmen beider Länder "
                    "spürbare Vorteile bringen.</p>\n"
                    "<p><strong>Frage:</strong> Wird sich das auf die außenpolitische "
                    "Koordinierung auswirken?</p>\n"
                    "<p><strong>Sergej Lawrow:</strong> Unsere enge außenpolitische Koordinierung "
                    "ist seit Langem eine der stärksten Komponenten unseres Bündnisses. Die "
                    "Vertiefung der wirtschaftlichen Integration schafft dafür ein noch solideres "
                    "Fundament. Wir werden auch künftig auf der internationalen Bühne gemeinsam "
                    "handeln, unter anderem in der UNO und der OSZE sowie in der GUS, der OVKS "
                    "und der Eurasischen Wirtschaftsunion.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Réponse de M. Sergueï Lavrov, ministre russe des Affaires étrangères, à une "
                    "question des médias sur les programmes d'intégration de l'État de l'Union, "
                    "Moscou, 5 novembre 2021"
                ),
                "lead": (
                    "Sergueï Lavrov a commenté la portée des décisions adoptées par le Conseil "
                    "d'État suprême de l'État de l'Union."
                ),
                "place": "Moscou",
                "body": (
                    "<p><strong>Question :</strong> Comment évaluez-vous les décisions adoptées "
                    "hier par le Conseil d'État suprême de l'État de l'Union ?</p>\n"
                    "<p><strong>Sergueï Lavrov :</strong> L'approbation des Orientations "
                    "principales de mise en œuvre des dispositions du Traité portant création de "
                    "l'État de l'Union et des 28 programmes de l'Union constitue une étape "
                    "importante. Ces documents prévoient l'harmonisation de la législation dans "
                    "l'économie, les finances, l'industrie, l'agriculture, les transports et bien "
                    "d'autres domaines. Leur mise en œuvre apportera des avantages concrets aux "
                    "citoyens et aux entreprises des deux pays.</p>\n"
                    "<p><strong>Question :</strong> Cela aura-t-il une incidence sur la "
                    "coordination de la politique étrangère ?</p>\n"
                    "<p><strong>Sergueï Lavrov :</strong> Notre étroite coordination en matière "
                    "de politique étrangère est depuis longtemps l'une des composantes les plus "
                    "solides de notre alliance. L'approfondissement de l'intégration économique "
                    "lui donne une base encore plus solide. Nous continuerons d'agir ensemble sur "
                    "la scène internationale, notamment à l'ONU et à l'OSCE, ainsi qu'au sein de "
                    "la CEI, de l'OTSC et de l'Union économique eurasiatique.</p>"
                ),
            },
            "es": {
                "title": (
                    "Respuesta del Ministro de Asuntos Exteriores de Rusia, Serguéi Lavrov, a una "
                    "pregunta de los medios sobre los programas de integración del Estado de la "
                    "Unión, Moscú, 5 de noviembre de 2021"
                ),
                "lead": (
                    "Serguéi Lavrov comentó la importancia de las decisiones adoptadas por el "
                    "Consejo Supremo de Estado del Estado de la Unión."
                ),
                "place": "Moscú",
                "body": (
                    "<p><strong>Pregunta:</strong> ¿Cómo valora las decisiones adoptadas ayer por "
                    "el Consejo Supremo de Estado del Estado de la Unión?</p>\n"
                    "<p><strong>Serguéi Lavrov:</strong> La aprobación de las Directrices para la "
                    "aplicación de las disposiciones del Tratado de creación del Estado de la "
                    "Unión y de los 28 programas de la Unión es un hito importante. Estos "
                    "documentos prevén la armonización de la legislación en la economía, las "
                    "finanzas, la industria, la agricultura, el transporte y muchos otros "
                    "ámbitos. Su aplicación aportará beneficios tangibles a los ciudadanos y a "
                    "las empresas de ambos países.</p>\n"
                    "<p><strong>Pregunta:</strong> ¿Afectará esto a la coordinación de la "
                    "política exterior?</p>\n"
                    "<p><strong>Serguéi Lavrov:</strong> Nuestra estrecha coordinación en "
                    "política exterior ha sido durante mucho tiempo uno de los componentes más "
                    "sólidos de nuestra alianza. La profundización de la integración económica le "
                    "proporciona una base aún más firme. Seguiremos actuando conjuntamente en la "
                    "arena internacional, en particular en la ONU y la OSCE, así como en la CEI, "
                    "la OTSC y la Unión Económica Euroasiática.</p>"
                ),
            },
            "ar": {
                "title": (
                    "إجابة وزير الخارجية الروسي سيرغي لافروف عن سؤال من وسائل الإعلام بشأن برامج "
                    "التكامل في دولة الاتحاد، موسكو، 5 نوفمبر 2021"
                ),
                "lead": (
                    "علّق سيرغي لافروف على أهمية القرارات التي اتخذها مجلس الدولة الأعلى لدولة "
                    "الاتحاد."
                ),
                "place": "موسكو",
                "body": (
                    "<p><strong>سؤال:</strong> كيف تقيّمون القرارات التي اتخذها مجلس الدولة "
                    "الأعلى لدولة الاتحاد يوم أمس؟</p>\n"
                    "<p><strong>سيرغي لافروف:</strong> إن اعتماد التوجهات الرئيسية لتنفيذ أحكام "
                    "معاهدة إنشاء دولة الاتحاد والبرامج الاتحادية الثمانية والعشرين يمثل محطة "
                    "مهمة. وتنص هذه الوثائق على مواءمة التشريعات في مجالات الاقتصاد والمالية "
                    "والصناعة والزراعة والنقل وغيرها من المجالات الكثيرة. وسيعود تنفيذها بفوائد "
                    "ملموسة على مواطني البلدين وأوساط الأعمال فيهما.</p>\n"
                    "<p><strong>سؤال:</strong> هل سينعكس ذلك على تنسيق السياسة الخارجية؟</p>\n"
                    "<p><strong>سيرغي لافروف:</strong> لطالما كان التنسيق الوثيق في مجال السياسة "
                    "الخارجية أحد أقوى مكونات تحالفنا. ويوفر تعميق التكامل الاقتصادي أساسًا أمتن "
                    "لهذا التنسيق. وسنواصل العمل المشترك على الساحة الدولية، بما في ذلك في الأمم "
                    "المتحدة ومنظمة الأمن والتعاون في أوروبا، وكذلك في رابطة الدول المستقلة "
                    "ومنظمة معاهدة الأمن الجماعي والاتحاد الاقتصادي الأوراسي.</p>"
                ),
            },
        },
    },
    {
        "reference": "2476-05-12-2022",
        "type": "statement",
        "published_at": "2022-12-05T17:45",
        "original_language": "ru",
        "speakers": ["lavrov"],
        "topics": ["union-state"],
        "countries": ["BY"],
        "versions": {
            "ru": {
                "title": (
                    "Совместное заявление министров иностранных дел Российской Федерации и "
                    "Республики Беларусь, Минск, 5 декабря 2022 года"
                ),
                "lead": (
                    "Министры подтвердили приверженность согласованной внешней политике Союзного "
                    "государства и утвердили план консультаций на 2023 год."
                ),
                "place": "Минск",
                "body": (
                    "<p>Министры иностранных дел Российской Федерации и Республики Беларусь, "
                    "встретившись в Минске, рассмотрели ход реализации Программы согласованных "
                    "действий в области внешней политики государств — участников Договора о "
                    "создании Союзного государства.</p>\n"
                    "<p>Стороны констатировали высокий уровень координации на международных "
                    "площадках и договорились продолжить совместную работу по продвижению общих "
                    "подходов в ООН, ОБСЕ и других многосторонних организациях.</p>\n"
                    "<p>Утвержден план межмидовских консультаций на 2023 год. Министры условились "
                    "провести очередное совместное заседание коллегий министерств иностранных дел "
                    "двух стран в следующем году.</p>"
                ),
            },
        },
    },
    {
        "reference": "0987-16-05-2023",
        "type": "press_release",
        "published_at": "2023-05-16T18:05",
        "original_language": "ru",
        "speakers": [],
        "topics": ["international-information-security"],
        "countries": ["CN"],
        "versions": {
            "en": {
                "title": "Russian-Chinese consultations on international information security",
                "lead": (
                    "The delegations discussed cooperation within the UN Open-ended Working Group "
                    "on security of and in the use of ICTs."
                ),
                "place": "Moscow",
                "body": (
                    "<p>On May 16, Moscow hosted regular consultations between the foreign "
                    "ministries of Russia and China on international information security.</p>\n"
                    "<p>The parties exchanged views on the work of the UN Open-ended Working "
                    "Group on security of and in the use of information and communications "
                    "technologies 2021-2025 and reaffirmed their commitment to strengthening the "
                    "role of the United Nations in this area. Particular attention was paid to "
                    "developing universal rules of responsible behaviour of states in the "
                    "information space and to preventing the use of ICTs for criminal "
                    "purposes.</p>\n"
                    "<p>The consultations were held in a friendly and constructive atmosphere. "
                    "The parties agreed to hold the next round in Beijing.</p>"
                ),
            },
            "ru": {
                "title": (
                    "О российско-китайских консультациях по международной информационной "
                    "безопасности"
                ),
                "lead": (
                    "Делегации обсудили взаимодействие в рамках Рабочей группы открытого состава "
                    "ООН по вопросам безопасности в сфере использования ИКТ и самих ИКТ."
                ),
                "place": "Москва",
                "body": (
                    "<p>16 мая в Москве состоялись очередные консультации между министерствами "
                    "иностранных дел России и Китая по вопросам международной информационной "
                    "безопасности.</p>\n"
                    "<p>Стороны обменялись мнениями о работе Рабочей группы открытого состава ООН "
                    "по вопросам безопасности в сфере использования "
                    "информационно-коммуникационных технологий и самих ИКТ 2021-2025 годов и "
                    "подтвердили приверженность укреплению роли Организации Объединенных Наций в "
                    "этой области. Особое внимание уделено выработке универсальных правил "
                    "ответственного поведения государств в информационном пространстве и "
                    "предотвращению использования ИКТ в преступных целях.</p>\n"
                    "<p>Консультации прошли в дружественной и конструктивной атмосфере. "
                    "Договорились провести следующий раунд в Пекине.</p>"
                ),
            },
            "de": {
                "title": (
                    "Russisch-chinesische Konsultationen zur internationalen Informationssicherheit"
                ),
                "lead": (
                    "Die Delegationen erörterten die Zusammenarbeit im Rahmen der offenen "
                    "Arbeitsgruppe der Vereinten Nationen zur Sicherheit von und bei der Nutzung "
                    "von IKT."
                ),
                "place": "Moskau",
                "body": (
                    "<p>Am 16. Mai fanden in Moskau turnusmäßige Konsultationen zwischen den "
                    "Außenministerien Russlands und Chinas zu Fragen der internationalen "
                    "Informationssicherheit statt.</p>\n"
                    "<p>Die Seiten tauschten sich über die Arbeit der offenen Arbeitsgruppe der "
                    "Vereinten Nationen zur Sicherheit von und bei der Nutzung von Informations- "
                    "und Kommunikationstechnologien 2021-2025 aus und bekräftigten ihr Engagement "
                    "für die Stärkung der Rolle der Vereinten Nationen in diesem Bereich. "
                    "Besondere Aufmerksamkeit galt der Ausarbeitung universeller Regeln für "
                    "verantwortungsvolles Verhalten von Staaten im Informationsraum sowie der "
                    "Verhinderung der Nutzung von IKT zu kriminellen Zwecken.</p>\n"
                    "<p>Die Konsultationen verliefen in einer freundschaftlichen und "
                    "konstruktiven Atmosphäre. Die Seiten vereinbarten, die nächste Runde in "
                    "Peking abzuhalten.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Consultations russo-chinoises sur la sécurité internationale de l'information"
                ),
                "lead": (
                    "Les délégations ont évoqué la coopération au sein du Groupe de travail à "
                    "composition non limitée des Nations unies sur la sécurité du numérique et de "
                    "son utilisation."
                ),
                "place": "Moscou",
                "body": (
                    "<p>Le 16 mai, Moscou a accueilli des consultations régulières entre les "
                    "ministères des Affaires étrangères de la Russie et de la Chine sur la "
                    "sécurité internationale de l'information.</p>\n"
                    "<p>Les parties ont échangé leurs points de vue sur les travaux du Groupe de "
                    "travail à composition non limitée sur la sécurité du numérique et de son "
                    "utilisation 2021-2025 et ont réaffirmé leur attachement au renforcement du "
                    "rôle de l'Organisation des Nations unies dans ce domaine. Une attention "
                    "particulière a été accordée à l'élaboration de règles universelles de "
                    "comportement responsable des États dans l'espace informationnel et à la "
                    "prévention de l'utilisation des TIC à des fins criminelles.</p>\n"
                    "<p>Les consultations se sont déroulées dans une atmosphère amicale et "
                    "constructive. Les parties sont convenues de tenir le prochain cycle à "
                    "Pékin.</p>"
                ),
            },
            "es": {
                "title": "Consultas ruso-chinas sobre seguridad internacional de la información",
                "lead": (
                    "Las delegaciones abordaron la cooperación en el marco del Grupo de Trabajo "
                    "de Composición Abierta de las Naciones Unidas sobre la seguridad de las TIC "
                    "y de su uso."
                ),
                "place": "Moscú",
                "body": (
                    "<p>El 16 de mayo, Moscú acogió consultas periódicas entre los ministerios de "
                    "Asuntos Exteriores de Rusia y China sobre seguridad internacional de la "
                    "información.</p>\n"
                    "<p>Las partes intercambiaron opiniones sobre la labor del Grupo de Trabajo "
                    "de Composición Abierta sobre la Seguridad de las Tecnologías de la "
                    "Información y las Comunicaciones y de su Uso 2021-2025 y reafirmaron su "
                    "compromiso con el fortalecimiento del papel de las Naciones Unidas en este "
                    "ámbito. Se prestó especial atención a la elaboración de normas universales "
                    "de comportamiento responsable de los Estados en el espacio informativo y a "
                    "la prevención del uso de las TIC con fines delictivos.</p>\n"
                    "<p>Las consultas se desarrollaron en un ambiente amistoso y constructivo. "
                    "Las partes acordaron celebrar la próxima ronda en Pekín.</p>"
                ),
            },
            "ar": {
                "title": "المشاورات الروسية الصينية بشأن أمن المعلومات الدولي",
                "lead": (
                    "بحث الوفدان التعاون في إطار الفريق العامل المفتوح باب العضوية التابع للأمم "
                    "المتحدة المعني بأمن تكنولوجيا المعلومات والاتصالات واستخدامها."
                ),
                "place": "موسكو",
                "body": (
                    "<p>استضافت موسكو في 16 مايو جولة جديدة من المشاورات بين وزارتي خارجية روسيا "
                    "والصين بشأن أمن المعلومات الدولي.</p>\n"
                    "<p>وتبادل الجانبان وجهات النظر حول عمل الفريق العامل المفتوح باب العضوية "
                    "المعني بأمن تكنولوجيا المعلومات والاتصالات واستخدامها للفترة 2021-2025، "
                    "وأكدا التزامهما بتعزيز دور الأمم المتحدة في هذا المجال. وأُولي اهتمام خاص "
                    "لوضع قواعد عالمية للسلوك المسؤول للدول في فضاء المعلومات ومنع استخدام "
                    "تكنولوجيا المعلومات والاتصالات لأغراض إجرامية.</p>\n"
                    "<p>وجرت المشاورات في أجواء ودية وبناءة. واتفق الجانبان على عقد الجولة "
                    "المقبلة في بكين.</p>"
                ),
            },
        },
    },
    {
        "reference": "1598-21-08-2023",
        "type": "interview",
        "published_at": "2023-08-21T11:15",
        "original_language": "ru",
        "speakers": ["lavrov"],
        "topics": ["middle-east", "brics"],
        "countries": ["EG", "AE"],
        "versions": {
            "en": {
                "title": (
                    "Foreign Minister Sergey Lavrov's interview with the Arabic-language "
                    "newspaper Al-Ufuq, Moscow, August 21, 2023"
                ),
                "lead": (
                    "Sergey Lavrov spoke about Russia's relations with Arab countries and the "
                    "growing interest in cooperation with BRICS."
                ),
                "place": "Moscow",
                "body": (
                    "<p><strong>Question:</strong> How would you describe the current state of "
                    "Russia's relations with the Arab world?</p>\n"
                    "<p><strong>Sergey Lavrov:</strong> Our relations with Arab states are based "
                    "on long-standing friendship, mutual respect and non-interference in each "
                    "other's internal affairs. We maintain an intensive political dialogue with "
                    "Egypt, the United Arab Emirates and many other countries of the region, and "
                    "trade, investment and educational ties are expanding. The Russian-Arab "
                    "Cooperation Forum serves as an important platform for collective "
                    "dialogue.</p>\n"
                    "<p><strong>Question:</strong> Several Arab countries have expressed interest "
                    "in BRICS. How does Moscow view this?</p>\n"
                    "<p><strong>Sergey Lavrov:</strong> We welcome this interest. BRICS is not "
                    "directed against anyone; it is an association of states that share the "
                    "values of equality, mutual benefit and respect for each other's choice of "
                    "development path. The leaders will discuss the issue of expanding the "
                    "association at the upcoming summit in Johannesburg, and decisions will be "
                    "made by consensus.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Интервью Министра иностранных дел России С.В.Лаврова арабоязычной газете "
                    "«Аль-Уфук», Москва, 21 августа 2023 года"
                ),
                "lead": (
                    "С.В.Лавров рассказал об отношениях России с арабскими странами и растущем "
                    "интересе к сотрудничеству с БРИКС."
                ),
                "place": "Москва",
                "body": (
                    "<p><strong>Вопрос:</strong> Как бы Вы охарактеризовали нынешнее состояние "
                    "отношений России с арабским миром?</p>\n"
                    "<p><strong>С.В.Лавров:</strong> Наши отношения с арабскими государствами "
                    "основаны на давней дружбе, взаимном уважении и невмешательстве во внутренние "
                    "дела друг друга. Мы поддерживаем интенсивный политический диалог с Египтом, "
                    "Объединенными Арабскими Эмиратами и многими другими странами региона, "
                    "расширяются торговые, инвестиционные и образовательные связи. Важной "
                    "площадкой для коллективного диалога служит Форум российско-арабского "
                    "сотрудничества.</p>\n"
                    "<p><strong>Вопрос:</strong> Ряд арабских стран проявили интерес к БРИКС. Как "
                    "к этому относятся в Москве?</p>\n"
                    "<p><strong>С.В.Лавров:</strong> Мы приветствуем этот интерес. БРИКС ни "
                    "против кого не направлено — это объединение государств, разделяющих ценности "
                    "равноправия, взаимной выгоды и уважения выбора друг друга в отношении пути "
                    "развития. Вопрос о расширении объединения лидеры обсудят на предстоящем "
                    "саммите в Йоханнесбурге, решения будут приниматься консенсусом.</p>"
                ),
            },
            "ar": {
                "title": (
                    "مقابلة وزير الخارجية الروسي سيرغي لافروف مع صحيفة الأفق، موسكو، 21 أغسطس 2023"
                ),
                "lead": (
                    "تحدث سيرغي لافروف عن علاقات روسيا مع الدول العربية والاهتمام المتزايد "
                    "بالتعاون مع مجموعة بريكس."
                ),
                "place": "موسكو",
                "body": (
                    "<p><strong>سؤال:</strong> كيف تصفون الحالة الراهنة لعلاقات روسيا مع العالم "
                    "العربي؟</p>\n"
                    "<p><strong>سيرغي لافروف:</strong> تقوم علاقاتنا مع الدول العربية على صداقة "
                    "عريقة واحترام متبادل وعدم التدخل في الشؤون الداخلية لبعضنا البعض. ونحافظ على "
                    "حوار سياسي مكثف مع مصر والإمارات العربية المتحدة والعديد من دول المنطقة "
                    "الأخرى، كما تتوسع الروابط التجارية والاستثمارية والتعليمية. ويشكل منتدى "
                    "التعاون الروسي العربي منصة مهمة للحوار الجماعي.</p>\n"
                    "<p><strong>سؤال:</strong> أبدت عدة دول عربية اهتمامها بمجموعة بريكس. كيف "
                    "تنظر موسكو إلى ذلك؟</p>\n"
                    "<p><strong>سيرغي لافروف:</strong> نحن نرحب بهذا الاهتمام. فمجموعة بريكس ليست "
                    "موجهة ضد أحد، بل هي تجمع لدول تتقاسم قيم المساواة والمنفعة المتبادلة واحترام "
                    "خيار كل منها لمسار تنميته. وسيناقش القادة مسألة توسيع المجموعة خلال القمة "
                    "المقبلة في جوهانسبرغ، وستُتخذ القرارات بتوافق الآراء.</p>"
                ),
            },
        },
    },
    {
        "reference": "0062-15-01-2024",
        "type": "article",
        "published_at": "2024-01-15T07:30",
        "original_language": "ru",
        "speakers": ["lavrov"],
        "topics": ["brics"],
        "countries": ["BR", "CN", "IN"],
        "versions": {
            "en": {
                "title": (
                    "Foreign Minister Sergey Lavrov's article on Russia's BRICS Chairmanship in "
                    "2024"
                ),
                "lead": (
                    "The minister outlines the priorities of the Russian Chairmanship, held under "
                    "the motto Strengthening Multilateralism for Just Global Development and "
                    "Security."
                ),
                "place": "",
                "body": (
                    "<p>On January 1, 2024, Russia took over the rotating chairmanship of BRICS. "
                    "Our Chairmanship is being held under the motto <em>Strengthening "
                    "Multilateralism for Just Global Development and Security</em>.</p>\n"
                    "<p>Over the years of its existence, BRICS has become a respected association "
                    "whose voice is increasingly heard in world affairs. Its appeal lies in the "
                    "fact that it is based on the principles of equality, mutual respect, "
                    "openness and consensus. The association does not impose its views on anyone "
                    "and is not directed against third countries.</p>\n"
                    "<p>We plan to hold more than 200 events in various Russian cities. Our "
                    "priorities include cooperation in politics and security, the economy and "
                    "finance, as well as cultural and humanitarian exchanges. We will pay "
                    "particular attention to the smooth integration of the new members into all "
                    "formats of interaction.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Статья Министра иностранных дел России С.В.Лаврова о председательстве России "
                    "в БРИКС в 2024 году"
                ),
                "lead": (
                    "Министр рассказывает о приоритетах российского председательства, которое "
                    "проходит под девизом «Укрепление многосторонности для справедливого "
                    "глобального развития и безопасности»."
                ),
                "place": "",
                "body": (
                    "<p>С 1 января 2024 года Россия приняла эстафету председательства в БРИКС. "
                    "Наше председательство проходит под девизом <em>«Укрепление многосторонности "
                    "для справедливого глобального развития и безопасности»</em>.</p>\n"
                    "<p>За годы своего существования БРИКС стало авторитетным объединением, голос "
                    "которого все громче звучит в мировых делах. Его привлекательность "
                    "объясняется тем, что оно строится на принципах равноправия, взаимного "
                    "уважения, открытости и консенсуса. Объединение никому не навязывает своих "
                    "взглядов и не направлено против третьих стран.</p>\n"
                    "<p>Мы планируем провести более 200 мероприятий в различных городах России. В "
                    "числе наших приоритетов — сотрудничество в сферах политики и безопасности, "
                    "экономики и финансов, а также культурно-гуманитарные обмены. Особое внимание "
                    "уделим органичной интеграции новых участников во все форматы "
                    "взаимодействия.</p>"
                ),
            },
            "de": {
                "title": (
                    "Artikel des russischen Außenministers Sergej Lawrow über den russischen "
                    "BRICS-Vorsitz im Jahr 2024"
                ),
                "lead": (
                    "Der Minister erläutert die Prioritäten des russischen Vorsitzes, der unter "
                    "dem Motto Stärkung des Multilateralismus für gerechte globale Entwicklung "
                    "und Sicherheit steht."
                ),
                "place": "",
                "body": (
                    "<p>Am 1. Januar 2024 hat Russland den rotierenden Vorsitz der BRICS "
                    "übernommen. Unser Vorsitz steht unter dem Motto <em>Stärkung des "
                    "Multilateralismus für gerechte globale Entwicklung und Sicherheit</em>.</p>\n"
                    "<p>In den Jahren ihres Bestehens ist die BRICS zu einem angesehenen "
                    "Zusammenschluss geworden, dessen Stimme in den Weltangelegenheiten immer "
                    "deutlicher gehört wird. Ihre Attraktivität beruht darauf, dass sie auf den "
                    "Prinzipien der Gleichberechtigung, des gegenseitigen Respekts, der Offenheit "
                    "und des Konsenses aufbaut. Die Vereinigung zwingt niemandem ihre Ansichten "
                    "auf und richtet sich nicht gegen Drittstaaten.</p>\n"
                    "<p>Wir planen, mehr als 200 Veranstaltungen in verschiedenen russischen "
                    "Städten auszurichten. Zu unseren Prioritäten gehören die Zusammenarbeit in "
                    "Politik und Sicherheit, Wirtschaft und Finanzen sowie der kulturelle und "
                    "humanitäre Austausch. Besondere Aufmerksamkeit werden wir der reibungslosen "
                    "Einbindung der neuen Mitglieder in alle Formate der Zusammenarbeit "
                    "widmen.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Article de M. Sergueï Lavrov, ministre russe des Affaires étrangères, sur la "
                    "présidence russe des BRICS en 2024"
                ),
                "lead": (
                    "Le ministre présente les priorités de la présidence russe, placée sous la "
                    "devise Renforcer le multilatéralisme pour un développement et une sécurité "
                    "mondiaux justes."
                ),
                "place": "",
                "body": (
                    "<p>Le 1er janvier 2024, la Russie a pris la présidence tournante des BRICS. "
                    "Notre présidence se déroule sous la devise <em>Renforcer le multilatéralisme "
                    "pour un développement et une sécurité mondiaux justes</em>.</p>\n"
                    "<p>Au fil des années, les BRICS sont devenus une association respectée dont "
                    "la voix se fait de plus en plus entendre dans les affaires mondiales. Leur "
                    "attrait tient au fait qu'ils reposent sur les principes d'égalité, de "
                    "respect mutuel, d'ouverture et de consensus. L'association n'impose ses vues "
                    "à personne et n'est pas dirigée contre des pays tiers.</p>\n"
                    "<p>Nous prévoyons d'organiser plus de 200 événements dans différentes villes "
                    "de Russie. Nos priorités comprennent la coopération dans les domaines de la "
                    "politique et de la sécurité, de l'économie et des finances, ainsi que les "
                    "échanges culturels et humanitaires. Nous accorderons une attention "
                    "particulière à l'intégration harmonieuse des nouveaux membres dans tous les "
                    "formats d'interaction.</p>"
                ),
            },
            "es": {
                "title": (
                    "Artículo del Ministro de Asuntos Exteriores de Rusia, Serguéi Lavrov, sobre "
                    "la presidencia rusa del BRICS en 2024"
                ),
                "lead": (
                    "El ministro expone las prioridades de la presidencia rusa, cuyo lema es "
                    "Fortalecer el multilateralismo para un desarrollo y una seguridad mundiales "
                    "justos."
                ),
                "place": "",
                "body": (
                    "<p>El 1 de enero de 2024, Rusia asumió la presidencia rotatoria del BRICS. "
                    "Nuestra presidencia se desarrolla bajo el lema <em>Fortalecer el "
                    "multilateralismo para un desarrollo y una seguridad mundiales "
                    "justos</em>.</p>\n"
                    "<p>A lo largo de sus años de existencia, el BRICS se ha convertido en una "
                    "asociación respetada cuya voz se escucha cada vez más en los asuntos "
                    "mundiales. Su atractivo radica en que se basa en los principios de igualdad, "
                    "respeto mutuo, apertura y consenso. La asociación no impone sus opiniones a "
                    "nadie y no está dirigida contra terceros países.</p>\n"
                    "<p>Tenemos previsto organizar más de 200 eventos en distintas ciudades de "
                    "Rusia. Entre nuestras prioridades figuran la cooperación en materia de "
                    "política y seguridad, economía y finanzas, así como los intercambios "
                    "culturales y humanitarios. Prestaremos especial atención a la integración "
                    "armoniosa de los nuevos miembros en todos los formatos de interacción.</p>"
                ),
            },
            "ar": {
                "title": (
                    "مقال وزير الخارجية الروسي سيرغي لافروف حول رئاسة روسيا لمجموعة بريكس في عام "
                    "2024"
                ),
                "lead": (
                    "يستعرض الوزير أولويات الرئاسة الروسية التي تجري تحت شعار تعزيز التعددية من "
                    "أجل تنمية وأمن عالميين عادلين."
                ),
                "place": "",
                "body": (
                    "<p>تولت روسيا في الأول من يناير 2024 الرئاسة الدورية لمجموعة بريكس. وتجري "
                    "رئاستنا تحت شعار <em>تعزيز التعددية من أجل تنمية وأمن عالميين "
                    "عادلين</em>.</p>\n"
                    "<p>على مدى سنوات وجودها، أصبحت بريكس رابطة تحظى بالاحترام ويُسمع صوتها على "
                    "نحو متزايد في الشؤون العالمية. وتكمن جاذبيتها في أنها تقوم على مبادئ "
                    "المساواة والاحترام المتبادل والانفتاح والتوافق. فالمجموعة لا تفرض آراءها على "
                    "أحد وليست موجهة ضد دول ثالثة.</p>\n"
                    "<p>نعتزم تنظيم أكثر من 200 فعالية في مدن روسية مختلفة. وتشمل أولوياتنا "
                    "التعاون في مجالات السياسة والأمن والاقتصاد والمالية، فضلًا عن التبادلات "
                    "الثقافية والإنسانية. وسنولي اهتمامًا خاصًا للاندماج السلس للأعضاء الجدد في "
                    "جميع صيغ التفاعل.</p>"
                ),
            },
        },
    },
    {
        "reference": "1412-12-08-2024",
        "type": "statement",
        "published_at": "2024-08-12T10:30",
        "original_language": "ru",
        "speakers": [],
        "topics": ["international-law", "united-nations"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Foreign Ministry statement on the 75th anniversary of the Geneva Conventions"
                ),
                "lead": (
                    "Russia reaffirms its commitment to the rules of international humanitarian "
                    "law and calls on all states to observe them in good faith."
                ),
                "place": "Moscow",
                "body": (
                    "<p>On August 12, 1949, the four Geneva Conventions for the protection of war "
                    "victims were adopted. Today they are among the very few international "
                    "treaties that have been ratified by all states of the world.</p>\n"
                    "<p>The Conventions, together with their Additional Protocols, form the "
                    "foundation of international humanitarian law. They establish rules for the "
                    "protection of the wounded, the sick, prisoners of war and civilians, and "
                    "they guarantee the right of humanitarian organisations to provide assistance "
                    "to those in need.</p>\n"
                    "<p>The Russian Federation, as a state party to the Geneva Conventions, "
                    "reaffirms its commitment to the rules of international humanitarian law. We "
                    "call on all states to observe them in good faith and to support the efforts "
                    "of the International Committee of the Red Cross to promote and strengthen "
                    "these rules.</p>"
                ),
            },
            "ru": {
                "title": "Заявление МИД России в связи с 75-летием Женевских конвенций",
                "lead": (
                    "Россия подтверждает приверженность нормам международного гуманитарного права "
                    "и призывает все государства добросовестно их соблюдать."
                ),
                "place": "Москва",
                "body": (
                    "<p>12 августа 1949 года были приняты четыре Женевские конвенции о защите "
                    "жертв войны. Сегодня они относятся к числу очень немногих международных "
                    "договоров, ратифицированных всеми государствами мира.</p>\n"
                    "<p>Конвенции вместе с Дополнительными протоколами к ним составляют основу "
                    "международного гуманитарного права. Они устанавливают правила защиты "
                    "раненых, больных, военнопленных и гражданского населения, гарантируют право "
                    "гуманитарных организаций оказывать помощь нуждающимся.</p>\n"
                    "<p>Российская Федерация как государство — участник Женевских конвенций "
                    "подтверждает приверженность нормам международного гуманитарного права. "
                    "Призываем все государства добросовестно их соблюдать и поддерживать усилия "
                    "Международного комитета Красного Креста по продвижению и укреплению этих "
                    "норм.</p>"
                ),
            },
            "de": {
                "title": (
                    "Erklärung des russischen Außenministeriums zum 75. Jahrestag der Genfer "
                    "Abkommen"
                ),
                "lead": (
                    "Russland bekräftigt sein Bekenntnis zu den Regeln des humanitären "
                    "Völkerrechts und ruft alle Staaten auf, sie nach Treu und Glauben "
                    "einzuhalten."
                ),
                "place": "Moskau",
                "body": (
                    "<p>Am 12. August 1949 wurden die vier Genfer Abkommen zum Schutz der "
                    "Kriegsopfer angenommen. Heute gehören sie zu den sehr wenigen "
                    "völkerrechtlichen Verträgen, die von allen Staaten der Welt ratifiziert "
                    "worden sind.</p>\n"
                    "<p>Die Abkommen bilden zusammen mit ihren Zusatzprotokollen die Grundlage "
                    "des humanitären Völkerrechts. Sie legen Regeln zum Schutz von Verwundeten, "
                    "Kranken, Kriegsgefangenen und Zivilpersonen fest und garantieren das Recht "
                    "humanitärer Organisationen, Bedürftigen Hilfe zu leisten.</p>\n"
                    "<p>Die Russische Föderation als Vertragsstaat der Genfer Abkommen bekräftigt "
                    "ihr Bekenntnis zu den Regeln des humanitären Völkerrechts. Wir rufen alle "
                    "Staaten auf, diese nach Treu und Glauben einzuhalten und die Bemühungen des "
                    "Internationalen Komitees vom Roten Kreuz um die Förderung und Stärkung "
                    "dieser Regeln zu unterstützen.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Déclaration du ministère russe des Affaires étrangères à l'occasion du 75e "
                    "anniversaire des Conventions de Genève"
                ),
                "lead": (
                    "La Russie réaffirme son attachement aux règles du droit international "
                    "humanitaire et appelle tous les États à les respecter de bonne foi."
                ),
                "place": "Moscou",
                "body": (
                    "<p>Le 12 août 1949 étaient adoptées les quatre Conventions de Genève pour la "
                    "protection des victimes de la guerre. Elles figurent aujourd'hui parmi les "
                    "très rares traités internationaux ratifiés par tous les États du monde.</p>\n"
                    "<p>Les Conventions et leurs Protocoles additionnels constituent le fondement "
                    "du droit international humanitaire. Elles établissent les règles de "
                    "protection des blessés, des malades, des prisonniers de guerre et des "
                    "civils, et garantissent le droit des organisations humanitaires à porter "
                    "assistance aux personnes dans le besoin.</p>\n"
                    "<p>La Fédération de Russie, en tant qu'État partie aux Conventions de "
                    "Genève, réaffirme son attachement aux règles du droit international "
                    "humanitaire. Nous appelons tous les États à les respecter de bonne foi et à "
                    "soutenir les efforts du Comité international de la Croix-Rouge visant à "
                    "promouvoir et à renforcer ces règles.</p>"
                ),
            },
            "es": {
                "title": (
                    "Declaración del Ministerio de Asuntos Exteriores de Rusia con motivo del "
                    "75.º aniversario de los Convenios de Ginebra"
                ),
                "lead": (
                    "Rusia reafirma su compromiso con las normas del derecho internacional "
                    "humanitario y exhorta a todos los Estados a respetarlas de buena fe."
                ),
                "place": "Moscú",
                "body": (
                    "<p>El 12 de agosto de 1949 se aprobaron los cuatro Convenios de Ginebra para "
                    "la protección de las víctimas de la guerra. Hoy figuran entre los muy pocos "
                    "tratados internacionales ratificados por todos los Estados del mundo.</p>\n"
                    "<p>Los Convenios, junto con sus Protocolos adicionales, constituyen la base "
                    "del derecho internacional humanitario. Establecen normas para la protección "
                    "de los heridos, los enfermos, los prisioneros de guerra y la población "
                    "civil, y garantizan el derecho de las organizaciones humanitarias a prestar "
                    "asistencia a quienes la necesitan.</p>\n"
                    "<p>La Federación de Rusia, como Estado parte en los Convenios de Ginebra, "
                    "reafirma su compromiso con las normas del derecho internacional humanitario. "
                    "Exhortamos a todos los Estados a respetarlas de buena fe y a apoyar los "
                    "esfuerzos del Comité Internacional de la Cruz Roja para promover y "
                    "fortalecer estas normas.</p>"
                ),
            },
            "ar": {
                "title": (
                    "بيان وزارة الخارجية الروسية بمناسبة الذكرى الخامسة والسبعين لاتفاقيات جنيف"
                ),
                "lead": (
                    "تؤكد روسيا مجددًا التزامها بقواعد القانون الدولي الإنساني وتدعو جميع الدول "
                    "إلى احترامها بحسن نية."
                ),
                "place": "موسكو",
                "body": (
                    "<p>في 12 أغسطس 1949، اعتُمدت اتفاقيات جنيف الأربع لحماية ضحايا الحرب. وهي "
                    "اليوم من بين المعاهدات الدولية القليلة جدًا التي صادقت عليها جميع دول "
                    "العالم.</p>\n"
                    "<p>وتشكل الاتفاقيات، إلى جانب بروتوكولاتها الإضافية، أساس القانون الدولي "
                    "الإنساني. فهي تحدد قواعد حماية الجرحى والمرضى وأسرى الحرب والمدنيين، وتكفل "
                    "حق المنظمات الإنسانية في تقديم المساعدة إلى المحتاجين.</p>\n"
                    "<p>وتؤكد روسيا الاتحادية، بصفتها دولة طرفًا في اتفاقيات جنيف، التزامها "
                    "بقواعد القانون الدولي الإنساني. وندعو جميع الدول إلى احترام هذه القواعد بحسن "
                    "نية ودعم جهود اللجنة الدولية للصليب الأحمر الرامية إلى التعريف بها "
                    "وتعزيزها.</p>"
                ),
            },
        },
    },
    {
        "reference": "0298-19-02-2025",
        "type": "briefing",
        "published_at": "2025-02-19T13:00",
        "original_language": "ru",
        "speakers": ["zakharova"],
        "topics": ["eaeu", "consular-affairs"],
        "countries": ["KZ"],
        "versions": {
            "ru": {
                "title": (
                    "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 19 "
                    "февраля 2025 года"
                ),
                "lead": "",
                "place": "Москва",
                "body": (
                    "<h2>О предстоящем визите в Казахстан</h2>\n"
                    "<p>В ближайшее время состоится рабочий визит делегации МИД России в Астану. "
                    "Планируется обсудить ход подготовки мероприятий в рамках Евразийского "
                    "экономического союза, а также вопросы двустороннего сотрудничества, в том "
                    "числе в гуманитарной сфере.</p>\n"
                    "<h2>О консульском обслуживании</h2>\n"
                    "<p>Напоминаем, что записаться на прием в консульские учреждения России за "
                    "рубежом можно через портал электронной записи. Просим заранее проверять "
                    "перечень необходимых документов, чтобы избежать повторных визитов.</p>"
                ),
            },
        },
    },
    {
        "reference": "0713-17-04-2025",
        "type": "speech",
        "published_at": "2025-04-17T15:00",
        "original_language": "ru",
        "speakers": ["lavrov"],
        "topics": ["asia-pacific"],
        "countries": ["VN"],
        "versions": {
            "en": {
                "title": (
                    "Foreign Minister Sergey Lavrov's opening remarks at talks with Minister of "
                    "Foreign Affairs of the Socialist Republic of Viet Nam, Moscow, April 17, 2025"
                ),
                "lead": (
                    "Sergey Lavrov noted that 2025 marks the 75th anniversary of diplomatic "
                    "relations between Russia and Viet Nam."
                ),
                "place": "Moscow",
                "body": (
                    "<p>Mr Minister, friends,</p>\n"
                    "<p>I am glad to welcome you to Moscow. This year we celebrate the 75th "
                    "anniversary of the establishment of diplomatic relations between our "
                    "countries. Over these decades, Russia and Viet Nam have accumulated a rich "
                    "experience of friendship and mutual assistance, which is a solid foundation "
                    "for our comprehensive strategic partnership.</p>\n"
                    "<p>Today we will review the implementation of the agreements reached at the "
                    "highest level, discuss cooperation in trade, energy, education and science, "
                    "and exchange views on the situation in the Asia-Pacific region. We value the "
                    "close coordination between our countries at the UN, on the ASEAN-centred "
                    "platforms and in other multilateral formats.</p>\n"
                    "<p>Welcome again. You have the floor.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Вступительное слово Министра иностранных дел России С.В.Лаврова в ходе "
                    "переговоров с Министром иностранных дел Социалистической Республики Вьетнам, "
                    "Москва, 17 апреля 2025 года"
                ),
                "lead": (
                    "С.В.Лавров отметил, что в 2025 году исполняется 75 лет со дня установления "
                    "дипломатических отношений между Россией и Вьетнамом."
                ),
                "place": "Москва",
                "body": (
                    "<p>Уважаемый господин Министр, друзья,</p>\n"
                    "<p>Рад приветствовать вас в Москве. В этом году мы отмечаем 75-летие "
                    "установления дипломатических отношений между нашими странами. За эти "
                    "десятилетия Россия и Вьетнам накопили богатый опыт дружбы и взаимопомощи, "
                    "который служит прочной основой нашего всеобъемлющего стратегического "
                    "партнерства.</p>\n"
                    "<p>Сегодня рассмотрим ход выполнения договоренностей, достигнутых на высшем "
                    "уровне, обсудим сотрудничество в сферах торговли, энергетики, образования и "
                    "науки, обменяемся мнениями о ситуации в Азиатско-Тихоокеанском регионе. "
                    "Высоко ценим тесную координацию наших стран в ООН, на площадках, "
                    "сформированных вокруг АСЕАН, и в других многосторонних форматах.</p>\n"
                    "<p>Еще раз добро пожаловать. Передаю Вам слово.</p>"
                ),
            },
            "de": {
                "title": (
                    "Eröffnungsworte des russischen Außenministers Sergej Lawrow bei den "
                    "Gesprächen mit dem Außenminister der Sozialistischen Republik Vietnam, "
                    "Moskau, 17. April 2025"
                ),
                "lead": (
                    "Sergej Lawrow wies darauf hin, dass sich 2025 die Aufnahme diplomatischer "
                    "Beziehungen zwischen Russland und Vietnam zum 75. Mal jährt."
                ),
                "place": "Moskau",
                "body": (
                    "<p>Herr Minister, liebe Freunde,</p>\n"
                    "<p>ich freue mich, Sie in Moskau begrüßen zu dürfen. In diesem Jahr begehen "
                    "wir den 75. Jahrestag der Aufnahme diplomatischer Beziehungen zwischen "
                    "unseren Ländern. In diesen Jahrzehnten haben Russland und Vietnam reiche "
                    "Erfahrungen der Freundschaft und gegenseitigen Hilfe gesammelt, die eine "
                    "solide Grundlage für unsere umfassende strategische Partnerschaft "
                    "bilden.</p>\n"
                    "<p>Heute werden wir die Umsetzung der auf höchster Ebene getroffenen "
                    "Vereinbarungen prüfen, die Zusammenarbeit in den Bereichen Handel, Energie, "
                    "Bildung und Wissenschaft erörtern und Meinungen über die Lage im "
                    "asiatisch-pazifischen Raum austauschen. Wir schätzen die enge Abstimmung "
                    "unserer Länder in der UNO, auf den um die ASEAN herum entstandenen "
                    "Plattformen und in anderen multilateralen Formaten.</p>\n"
                    "<p>Nochmals herzlich willkommen. Sie haben das Wort.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Allocution d'ouverture de M. Sergueï Lavrov, ministre russe des Affaires "
                    "étrangères, lors des entretiens avec le ministre des Affaires étrangères de "
                    "la République socialiste du Viet Nam, Moscou, 17 avril 2025"
                ),
                "lead": (
                    "Sergueï Lavrov a rappelé que l'année 2025 marque le 75e anniversaire de "
                    "l'établissement des relations diplomatiques entre la Russie et le Viet Nam."
                ),
                "place": "Moscou",
                "body": (
                    "<p>Monsieur le Ministre, chers amis,</p>\n"
                    "<p>Je suis heureux de vous accueillir à Moscou. Cette année, nous célébrons "
                    "le 75e anniversaire de l'établissement des relations diplomatiques entre nos "
                    "pays. Au fil de ces décennies, la Russie et le Viet Nam ont accumulé une "
                    "riche expérience d'amitié et d'entraide, qui constitue une base solide pour "
                    "notre partenariat stratégique global.</p>\n"
                    "<p>Aujourd'hui, nous ferons le point sur la mise en œuvre des accords "
                    "conclus au plus haut niveau, nous examinerons la coopération dans les "
                    "domaines du commerce, de l'énergie, de l'éducation et de la science, et nous "
                    "échangerons nos points de vue sur la situation dans la région "
                    "Asie-Pacifique. Nous apprécions la coordination étroite de nos pays à l'ONU, "
                    "au sein des plateformes articulées autour de l'ASEAN et dans d'autres "
                    "formats multilatéraux.</p>\n"
                    "<p>Encore une fois, soyez les bienvenus. Je vous cède la parole.</p>"
                ),
            },
            "es": {
                "title": (
                    "Palabras de apertura del Ministro de Asuntos Exteriores de Rusia, Serguéi "
                    "Lavrov, en las conversaciones con el Ministro de Asuntos Exteriores de la "
                    "República Socialista de Vietnam, Moscú, 17 de abril de 2025"
                ),
                "lead": (
                    "Serguéi Lavrov señaló que en 2025 se cumple el 75.º aniversario del "
                    "establecimiento de relaciones diplomáticas entre Rusia y Vietnam."
                ),
                "place": "Moscú",
                "body": (
                    "<p>Señor ministro, amigos:</p>\n"
                    "<p>Me complace darles la bienvenida a Moscú. Este año celebramos el 75.º "
                    "aniversario del establecimiento de relaciones diplomáticas entre nuestros "
                    "países. A lo largo de estas décadas, Rusia y Vietnam han acumulado una rica "
                    "experiencia de amistad y ayuda mutua, que constituye una base sólida para "
                    "nuestra asociación estratégica integral.</p>\n"
                    "<p>Hoy examinaremos el cumplimiento de los acuerdos alcanzados al más alto "
                    "nivel, abordaremos la cooperación en materia de comercio, energía, educación "
                    "y ciencia, e intercambiaremos opiniones sobre la situación en la región de "
                    "Asia-Pacífico. Valoramos la estrecha coordinación de nuestros países en la "
                    "ONU, en las plataformas articuladas en torno a la ASEAN y en otros formatos "
                    "multilaterales.</p>\n"
                    "<p>Una vez más, bienvenidos. Le cedo la palabra.</p>"
                ),
            },
            "ar": {
                "title": (
                    "الكلمة الافتتاحية لوزير الخارجية الروسي سيرغي لافروف خلال المحادثات مع وزير "
                    "خارجية جمهورية فيتنام الاشتراكية، موسكو، 17 أبريل 2025"
                ),
                "lead": (
                    "أشار سيرغي لافروف إلى أن عام 2025 يصادف الذكرى الخامسة والسبعين لإقامة "
                    "العلاقات الدبلوماسية بين روسيا وفيتنام."
                ),
                "place": "موسكو",
                "body": (
                    "<p>السيد الوزير، أيها الأصدقاء،</p>\n"
                    "<p>يسعدني أن أرحب بكم في موسكو. نحتفل هذا العام بالذكرى الخامسة والسبعين "
                    "لإقامة العلاقات الدبلوماسية بين بلدينا. وعلى مدى هذه العقود، راكمت روسيا "
                    "وفيتنام تجربة غنية من الصداقة والتعاضد، تشكل أساسًا متينًا لشراكتنا "
                    "الاستراتيجية الشاملة.</p>\n"
                    "<p>سنستعرض اليوم سير تنفيذ الاتفاقات التي تم التوصل إليها على أعلى مستوى، "
                    "ونبحث التعاون في مجالات التجارة والطاقة والتعليم والعلوم، ونتبادل وجهات "
                    "النظر حول الوضع في منطقة آسيا والمحيط الهادئ. ونقدّر التنسيق الوثيق بين "
                    "بلدينا في الأمم المتحدة وفي المنصات المتمحورة حول رابطة آسيان وغيرها من "
                    "الصيغ المتعددة الأطراف.</p>\n"
                    "<p>مرحبًا بكم مرة أخرى. الكلمة لكم.</p>"
                ),
            },
        },
    },
    {
        "reference": "1985-24-10-2025",
        "type": "statement",
        "published_at": "2025-10-24T12:00",
        "original_language": "ru",
        "speakers": [],
        "topics": ["united-nations", "international-law"],
        "countries": [],
        "versions": {
            "en": {
                "title": "Foreign Ministry statement on the 80th anniversary of the United Nations",
                "lead": (
                    "On United Nations Day, Russia reaffirms its commitment to the purposes and "
                    "principles of the UN Charter."
                ),
                "place": "Moscow",
                "body": (
                    "<p>On October 24, 1945, the Charter of the United Nations entered into "
                    "force. Eighty years later, the UN remains a unique, universal organisation "
                    "with unparalleled legitimacy, and its Charter remains the cornerstone of the "
                    "modern system of international relations.</p>\n"
                    "<p>As a founding member of the Organisation and a permanent member of the "
                    "Security Council, Russia bears special responsibility for maintaining "
                    "international peace and security. We consistently advocate respect for all "
                    "the principles of the Charter in their entirety and interrelation, including "
                    "the sovereign equality of states and non-interference in their internal "
                    "affairs.</p>\n"
                    "<p>We are convinced that the potential of the United Nations is far from "
                    "exhausted. Russia is ready to work with all states to strengthen the "
                    "Organisation and adapt it to the realities of a multipolar world, on the "
                    "basis of broad agreement among member states.</p>"
                ),
            },
            "ru": {
                "title": "Заявление МИД России в связи с 80-летием Организации Объединенных Наций",
                "lead": (
                    "В День Организации Объединенных Наций Россия подтверждает приверженность "
                    "целям и принципам Устава ООН."
                ),
                "place": "Москва",
                "body": (
                    "<p>24 октября 1945 года вступил в силу Устав Организации Объединенных Наций. "
                    "Восемьдесят лет спустя ООН остается уникальной универсальной организацией, "
                    "обладающей непревзойденной легитимностью, а ее Устав — краеугольным камнем "
                    "современной системы международных отношений.</p>\n"
                    "<p>Как один из основателей Организации и постоянный член Совета "
                    "Безопасности, Россия несет особую ответственность за поддержание "
                    "международного мира и безопасности. Мы последовательно выступаем за "
                    "соблюдение всех принципов Устава в их совокупности и взаимосвязи, включая "
                    "суверенное равенство государств и невмешательство в их внутренние дела.</p>\n"
                    "<p>Убеждены, что потенциал Организации Объединенных Наций далеко не "
                    "исчерпан. Россия готова работать со всеми государствами над укреплением "
                    "Организации и ее адаптацией к реалиям многополярного мира на основе широкого "
                    "согласия государств-членов.</p>"
                ),
            },
            "de": {
                "title": (
                    "Erklärung des russischen Außenministeriums zum 80-jährigen Bestehen der "
                    "Vereinten Nationen"
                ),
                "lead": (
                    "Am Tag der Vereinten Nationen bekräftigt Russland sein Bekenntnis zu den "
                    "Zielen und Grundsätzen der UN-Charta."
                ),
                "place": "Moskau",
                "body": (
                    "<p>Am 24. Oktober 1945 trat die Charta der Vereinten Nationen in Kraft. "
                    "Achtzig Jahre später sind die Vereinten Nationen nach wie vor eine "
                    "einzigartige, universelle Organisation mit beispielloser Legitimität, und "
                    "ihre Charta bleibt der Eckpfeiler des modernen Systems der internationalen "
                    "Beziehungen.</p>\n"
                    "<p>Als Gründungsmitglied der Organisation und ständiges Mitglied des "
                    "Sicherheitsrates trägt Russland besondere Verantwortung für die Wahrung des "
                    "Weltfriedens und der internationalen Sicherheit. Wir treten konsequent für "
                    "die Achtung aller Grundsätze der Charta in ihrer Gesamtheit und ihrem "
                    "Zusammenhang ein, einschließlich der souveränen Gleichheit der Staaten und "
                    "der Nichteinmischung in ihre inneren Angelegenheiten.</p>\n"
                    "<p>Wir sind überzeugt, dass das Potenzial der Vereinten Nationen bei Weitem "
                    "nicht ausgeschöpft ist. Russland ist bereit, mit allen Staaten an der "
                    "Stärkung der Organisation und ihrer Anpassung an die Realitäten einer "
                    "multipolaren Welt auf der Grundlage eines breiten Einvernehmens der "
                    "Mitgliedstaaten zu arbeiten.</p>"
                ),
            },
            "fr": {
                "title": (
                    "Déclaration du ministère russe des Affaires étrangères à l'occasion du 80e "
                    "anniversaire de l'Organisation des Nations unies"
                ),
                "lead": (
                    "À l'occasion de la Journée des Nations unies, la Russie réaffirme son "
                    "attachement aux buts et principes de la Charte des Nations unies."
                ),
                "place": "Moscou",
                "body": (
                    "<p>Le 24 octobre 1945, la Charte des Nations unies entrait en vigueur. "
                    "Quatre-vingts ans plus tard, l'ONU demeure une organisation universelle "
                    "unique, dotée d'une légitimité sans égale, et sa Charte reste la pierre "
                    "angulaire du système moderne des relations internationales.</p>\n"
                    "<p>En tant que membre fondateur de l'Organisation et membre permanent du "
                    "Conseil de sécurité, la Russie porte une responsabilité particulière dans le "
                    "maintien de la paix et de la sécurité internationales. Nous plaidons "
                    "invariablement pour le respect de tous les principes de la Charte dans leur "
                    "intégralité et leur interdépendance, y compris l'égalité souveraine des "
                    "États et la non-ingérence dans leurs affaires intérieures.</p>\n"
                    "<p>Nous sommes convaincus que le potentiel de l'Organisation des Nations "
                    "unies est loin d'être épuisé. La Russie est prête à travailler avec tous les "
                    "États au renforcement de l'Organisation et à son adaptation aux réalités "
                    "d'un monde multipolaire, sur la base d'un large accord entre les États "
                    "membres.</p>"
                ),
            },
            "es": {
                "title": (
                    "Declaración del Ministerio de Asuntos Exteriores de Rusia con motivo del "
                    "80.º aniversario de las Naciones Unidas"
                ),
                "lead": (
                    "En el Día de las Naciones Unidas, Rusia reafirma su compromiso con los "
                    "propósitos y principios de la Carta de la ONU."
                ),
                "place": "Moscú",
                "body": (
                    "<p>El 24 de octubre de 1945 entró en vigor la Carta de las Naciones Unidas. "
                    "Ochenta años después, la ONU sigue siendo una organización universal única, "
                    "dotada de una legitimidad sin parangón, y su Carta sigue siendo la piedra "
                    "angular del sistema moderno de relaciones internacionales.</p>\n"
                    "<p>Como miembro fundador de la Organización y miembro permanente del Consejo "
                    "de Seguridad, Rusia tiene una responsabilidad especial en el mantenimiento "
                    "de la paz y la seguridad internacionales. Abogamos sistemáticamente por el "
                    "respeto de todos los principios de la Carta en su totalidad e interrelación, "
                    "incluida la igualdad soberana de los Estados y la no injerencia en sus "
                    "asuntos internos.</p>\n"
                    "<p>Estamos convencidos de que el potencial de las Naciones Unidas dista "
                    "mucho de estar agotado. Rusia está dispuesta a trabajar con todos los "
                    "Estados para fortalecer la Organización y adaptarla a las realidades de un "
                    "mundo multipolar, sobre la base de un amplio acuerdo entre los Estados "
                    "miembros.</p>"
                ),
            },
            "ar": {
                "title": (
                    "بيان وزارة الخارجية الروسية بمناسبة الذكرى الثمانين لتأسيس منظمة الأمم المتحدة"
                ),
                "lead": (
                    "تؤكد روسيا في يوم الأمم المتحدة التزامها بمقاصد ميثاق الأمم المتحدة ومبادئه."
                ),
                "place": "موسكو",
                "body": (
                    "<p>في 24 أكتوبر 1945، دخل ميثاق الأمم المتحدة حيز التنفيذ. وبعد ثمانين "
                    "عامًا، لا تزال الأمم المتحدة منظمة عالمية فريدة تتمتع بشرعية لا مثيل لها، "
                    "ولا يزال ميثاقها حجر الزاوية في المنظومة الحديثة للعلاقات الدولية.</p>\n"
                    "<p>وبصفتها عضوًا مؤسسًا في المنظمة وعضوًا دائمًا في مجلس الأمن، تتحمل روسيا "
                    "مسؤولية خاصة عن صون السلم والأمن الدوليين. ونحن ندعو باستمرار إلى احترام "
                    "جميع مبادئ الميثاق بمجملها وفي ترابطها، بما في ذلك المساواة في السيادة بين "
                    "الدول وعدم التدخل في شؤونها الداخلية.</p>\n"
                    "<p>ونحن على قناعة بأن إمكانات الأمم المتحدة لم تُستنفد بعد. وروسيا مستعدة "
                    "للعمل مع جميع الدول من أجل تعزيز المنظمة وتكييفها مع واقع عالم متعدد "
                    "الأقطاب، على أساس توافق واسع بين الدول الأعضاء.</p>"
                ),
            },
        },
    },
    {
        "reference": "2245-08-12-2025",
        "type": "comment",
        "published_at": "2025-12-08T19:45",
        "original_language": "ru",
        "speakers": [],
        "topics": ["international-information-security", "united-nations"],
        "countries": [],
        "versions": {
            "en": {
                "title": (
                    "Comment by the Information and Press Department on Russia's approaches to "
                    "international information security"
                ),
                "lead": "",
                "place": "",
                "body": (
                    "<p>Russia consistently advocates that issues of international information "
                    "security be discussed under the auspices of the United Nations, with the "
                    "participation of all states on an equal footing. Only such an approach can "
                    "ensure that the rules of conduct in the information space reflect the "
                    "interests of the entire international community rather than those of a "
                    "narrow group of countries.</p>\n"
                    "<p>We regard the adoption of the UN Convention against Cybercrime, drafted "
                    "at Russia's initiative, as an important step towards a universal legal "
                    "framework in this area. We call on all states to join the Convention and to "
                    "cooperate constructively in its implementation.</p>\n"
                    "<p>The Russian Federation will continue to promote initiatives aimed at "
                    "preventing conflicts in the information space and ensuring that information "
                    "and communications technologies are used exclusively for peaceful "
                    "purposes.</p>"
                ),
            },
            "ru": {
                "title": (
                    "Комментарий Департамента информации и печати МИД России о подходах России к "
                    "обеспечению международной информационной безопасности"
                ),
                "lead": "",
                "place": "",
                "body": (
                    "<p>Россия последовательно выступает за то, чтобы вопросы международной "
                    "информационной безопасности обсуждались под эгидой Организации Объединенных "
                    "Наций с участием всех государств на равноправной основе. Только такой подход "
                    "позволит обеспечить, чтобы правила поведения в информационном пространстве "
                    "отражали интересы всего международного сообщества, а не узкой группы "
                    "стран.</p>\n"
                    "<p>Важным шагом к формированию универсальной правовой базы в этой сфере "
                    "считаем принятие разработанной по инициативе России Конвенции ООН против "
                    "киберпреступности. Призываем все государства присоединиться к Конвенции и "
                    "конструктивно взаимодействовать в ее реализации.</p>\n"
                    "<p>Российская Федерация продолжит продвигать инициативы, направленные на "
                    "предотвращение конфликтов в информационном пространстве и обеспечение "
                    "использования информационно-коммуникационных технологий исключительно в "
                    "мирных целях.</p>"
                ),
            },
            "ar": {
                "title": (
                    "تعليق إدارة الإعلام والصحافة في وزارة الخارجية الروسية حول نهج روسيا في ضمان "
                    "أمن المعلومات الدولي"
                ),
                "lead": "",
                "place": "",
                "body": (
                    "<p>تدعو روسيا باستمرار إلى مناقشة قضايا أمن المعلومات الدولي تحت رعاية الأمم "
                    "المتحدة وبمشاركة جميع الدول على قدم المساواة. فهذا النهج وحده كفيل بضمان أن "
                    "تعكس قواعد السلوك في فضاء المعلومات مصالح المجتمع الدولي بأسره، لا مصالح "
                    "مجموعة ضيقة من الدول.</p>\n"
                    "<p>ونعتبر اعتماد اتفاقية الأمم المتحدة لمكافحة الجرائم السيبرانية، التي "
                    "أُعدت بمبادرة من روسيا، خطوة مهمة نحو إرساء إطار قانوني عالمي في هذا المجال. "
                    "وندعو جميع الدول إلى الانضمام إلى الاتفاقية والتعاون البنّاء في "
                    "تنفيذها.</p>\n"
                    "<p>وستواصل روسيا الاتحادية الترويج للمبادرات الرامية إلى منع النزاعات في "
                    "فضاء المعلومات وضمان استخدام تكنولوجيا المعلومات والاتصالات للأغراض السلمية "
                    "حصرًا.</p>"
                ),
            },
        },
    },
]
