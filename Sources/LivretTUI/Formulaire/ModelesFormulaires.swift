import LivretCore
import LivretExports
import LivretServices

/// The first run: the structure's name and who works there.
struct ModelePremierDemarrage: ModeleFormulaire {
    var titre: String { "Première installation" }
    var introduction: String {
        "Bienvenue dans Livret. Trois questions pour créer la base de votre structure sur cet ordinateur."
    }
    var bouton: String { "Créer la base" }

    func champs() -> [ChampFormulaire] {
        [.texte("structure", "Nom de la structure", aide: "Tel qu'il apparaîtra sur les badges et les rapports, par exemple « Espace numérique du centre social ».", longueurMax: RegleTexte.longueurNom),
         .texte("formateur", "Votre nom", aide: "Votre prénom, ou prénom et nom : chaque saisie est enregistrée au nom de qui la fait.", longueurMax: RegleTexte.longueurNom),
         .texte("second", "Autre formateur", aide: "Facultatif : une ou un collègue qui utilise aussi cet ordinateur. Livret demandera qui travaille à chaque démarrage.", longueurMax: RegleTexte.longueurNom)]
    }

    func demande(_ f: Formulaire) -> Result<Demande, RefusSaisie> {
        guard let structure = f.texte("structure") else { return .failure(RefusSaisie("écrivez le nom de la structure.", champ: "structure")) }
        guard let formateur = f.texte("formateur") else { return .failure(RefusSaisie("écrivez votre nom.", champ: "formateur")) }
        return .success(.initialiser(structure: structure, formateurs: [formateur] + [f.texte("second")].compactMap { $0 }))
    }
}

/// A learner's card: identity (all optional), categories for the funders, consent asked scope by
/// scope in plain words, contact only when badges are wanted.
struct ModeleApprenant: ModeleFormulaire {
    /// nil: a new person.
    var existant: Apprenant?
    var consentement: Consentement?
    /// Enrol the new person in this cohort too.
    var inscrireDans: String?
    var anneeCourante: Int

    static let sexes: [Sexe] = [.nonCommunique, .feminin, .masculin, .autre]
    static let qpvs: [ResidenceQPV] = [.nonCommunique, .oui, .non]
    static let statuts: [StatutSocial] = [.nonCommunique, .scolarise, .sansEmploi, .enEmploi, .retraite]

    var titre: String { existant.map { "Fiche \(Accord.de($0.nomAffiche))" } ?? "Nouvelle personne" }
    var introduction: String {
        let debut = existant == nil ? "Rien n'est obligatoire : un prénom ou un pseudonyme suffit." : "Modifiez ce qui a changé."
        return debut + (inscrireDans.map { " La personne sera inscrite dans \($0)." } ?? "")
    }
    var bouton: String { existant == nil ? "Ajouter la personne" : "Enregistrer la fiche" }

    func champs() -> [ChampFormulaire] {
        let a = existant
        let c = consentement
        return [
            .texte("prenom", "Prénom", aide: "Facultatif. Le prénom seul suffit ; laissez vide si la personne préfère un pseudonyme.", a?.prenom ?? "", longueurMax: RegleTexte.longueurNom),
            .texte("nom", "Nom", aide: "Facultatif : seulement si la personne le souhaite.", a?.nom ?? "", longueurMax: RegleTexte.longueurNom),
            .texte("pseudonyme", "Pseudonyme", aide: "Facultatif : un nom choisi par la personne, à la place du sien.", a?.pseudonyme ?? "", longueurMax: RegleTexte.longueurNom),
            .texte("annee", "Année de naissance", aide: "Facultatif. L'année seulement (par exemple 1987), jamais la date complète : elle sert aux chiffres par âge.",
                   a?.anneeNaissance.map(String.init) ?? "", chiffres: true, longueurMax: 4),
            .choix("sexe", "Sexe", aide: "Pour les chiffres des financeurs, jamais montré ailleurs. « non communiqué » si la personne ne veut pas le dire.",
                   Self.sexes.map(\.libelle), choisie: Self.sexes.firstIndex(of: a?.sexe ?? .nonCommunique) ?? 0),
            .choix("qpv", "Quartier prioritaire", aide: "Habite-t-elle dans un quartier prioritaire de la ville (QPV) ? Pour les chiffres des financeurs.",
                   Self.qpvs.map(\.libelle), choisie: Self.qpvs.firstIndex(of: a?.qpv ?? .nonCommunique) ?? 0),
            .choix("statut", "Situation", aide: "Sa situation aujourd'hui, pour les chiffres des financeurs.",
                   Self.statuts.map(\.libelle), choisie: Self.statuts.firstIndex(of: a?.statutSocial ?? .nonCommunique) ?? 0),
            .coche("suivi", "Accord : suivi", aide: "Demandez : « Êtes-vous d'accord pour que je note ce que vous apprenez ? » Sans cet accord, seules les présences sont notées.",
                   c?.suivi ?? false),
            .coche("statistiques", "Accord : chiffres", aide: "Demandez : « Êtes-vous d'accord pour faire partie, sans votre nom, des chiffres envoyés aux financeurs ? »",
                   c?.statistiques ?? false),
            .coche("badges", "Accord : badges", aide: "Demandez : « Voulez-vous des badges à votre nom, qui prouvent ce que vous savez faire ? » Un contact est alors facultatif.",
                   c?.badges ?? false),
            .texte("email", "E-mail", aide: "Facultatif, seulement pour lui remettre ses badges. Sans e-mail, le paquet se remet sur clé USB ou imprimé.",
                   a?.email ?? "", longueurMax: RegleTexte.longueurEmail, siCoche: "badges"),
            .texte("telephone", "Téléphone", aide: "Facultatif, seulement si la personne le souhaite pour ses badges.", a?.telephone ?? "",
                   longueurMax: RegleTexte.longueurTelephone, siCoche: "badges"),
            .coche("coop", "Accord : La Coop", aide: "Demandez : « Êtes-vous d'accord pour que votre nom, votre année de naissance et votre contact soient notés dans La Coop de la médiation numérique ? »",
                   c?.coop ?? false),
        ]
    }

    func demande(_ f: Formulaire) -> Result<Demande, RefusSaisie> {
        var annee: Int?
        if let texte = f.texte("annee") {
            guard let valeur = Int(texte), (1900...anneeCourante).contains(valeur) else {
                return .failure(RefusSaisie("l'année de naissance doit être entre 1900 et \(anneeCourante) (par exemple 1987), ou vide.", champ: "annee"))
            }
            annee = valeur
        }
        var accords: Set<PorteeConsentement> = []
        if f.coche("suivi") { accords.insert(.suivi) }
        if f.coche("statistiques") { accords.insert(.statistiques) }
        if f.coche("badges") { accords.insert(.badges) }
        if f.coche("coop") { accords.insert(.coop) }
        let saisie = SaisieApprenant(prenom: f.texte("prenom"), nom: f.texte("nom"), pseudonyme: f.texte("pseudonyme"), anneeNaissance: annee,
                                     sexe: Self.sexes[f.choix("sexe")], qpv: Self.qpvs[f.choix("qpv")], statutSocial: Self.statuts[f.choix("statut")],
                                     email: f.texte("email"), telephone: f.texte("telephone"), accords: accords)
        return .success(.enregistrerApprenant(identifiant: existant?.identifiant, saisie, inscrireDans: existant == nil ? inscrireDans : nil))
    }
}

/// A new cohort from a parcours template.
struct ModeleCohorte: ModeleFormulaire {
    var parcours: [(code: String, titre: String)]
    var jour: Jour

    var titre: String { "Nouvelle cohorte" }
    var introduction: String { "Un groupe qui suit un parcours ensemble. Ses séances viendront ensuite (touche a dans la cohorte)." }
    var bouton: String { "Créer la cohorte" }

    func champs() -> [ChampFormulaire] {
        [.choix("parcours", "Parcours", aide: "Le programme que suivra le groupe (← → pour changer).", parcours.map(\.titre)),
         .texte("titre", "Nom du groupe", aide: "Facultatif, par exemple « Femmes et numérique — printemps ». Sinon, celui du parcours.",
                longueurMax: RegleTexte.longueurNom),
         .texte("debut", "Début", aide: "La date du premier jour (JJ/MM/AAAA).", jour.francais, longueurMax: 10),
         .texte("fin", "Fin", aide: "Facultatif : le dernier jour prévu (JJ/MM/AAAA).", longueurMax: 10),
         .texte("code", "Code court", aide: "Facultatif : un code sans espace ni accent pour les exports ; laissé vide, Livret le propose.",
                longueurMax: 40)]
    }

    /// « fen-2026-12 »: the parcours' initials, the month it starts.
    static func codePropose(parcours code: String, debut: Jour) -> String {
        let initiales = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).compactMap(\.first).map(String.init).joined()
        return "\(initiales.isEmpty ? "cohorte" : initiales)-\(String(format: "%04d-%02d", debut.annee, debut.mois))"
    }

    func demande(_ f: Formulaire) -> Result<Demande, RefusSaisie> {
        guard !parcours.isEmpty else { return .failure(RefusSaisie("aucun parcours n'est installé dans les référentiels.")) }
        guard let debutTexte = f.texte("debut"), let debut = Jour(debutTexte) else {
            return .failure(RefusSaisie("la date de début s'écrit JJ/MM/AAAA, par exemple \(jour.francais).", champ: "debut"))
        }
        var fin: Jour?
        if let texte = f.texte("fin") {
            guard let valeur = Jour(texte) else { return .failure(RefusSaisie("la date de fin s'écrit JJ/MM/AAAA, ou reste vide.", champ: "fin")) }
            fin = valeur
        }
        let modele = parcours[f.choix("parcours")]
        let code = f.texte("code") ?? Self.codePropose(parcours: modele.code, debut: debut)
        return .success(.creerCohorte(code: code, parcours: modele.code, titre: f.texte("titre"), debut: debut, fin: fin))
    }
}

/// A change of an inscription's status: a drop-out with its motif, the end of the parcours, an exit.
struct ModeleStatut: ModeleFormulaire {
    var identifiant: String
    var nom: String
    var cohorte: String
    var actuel: StatutInscription
    /// The critère d'achèvement is not met (then « terminé » needs a motif too).
    var critereNonAtteint: String?

    static let sorties: [TypeSortie?] = [nil, .emploi, .formation, .certification, .autre]

    var suivants: [StatutInscription] { actuel.suivants }
    var titre: String { "Statut \(Accord.de(nom))" }
    var introduction: String {
        var texte = "\(nom) est « \(actuel.libelle) » dans \(cohorte)."
        if let critere = critereNonAtteint { texte += " Critère d'achèvement pas encore atteint : \(critere)." }
        return texte
    }

    func champs() -> [ChampFormulaire] {
        let options = suivants.map { $0 == .abandon ? "abandon (la personne arrête)" : $0.libelle }
        return [.choix("statut", "Nouveau statut", aide: "← → pour choisir ; un abandon se note avec son motif.", options,
                       choisie: suivants.firstIndex(of: .abandon) ?? 0),
                .texte("motif", "Motif", aide: "Pour un abandon (ou un « terminé » sans le critère) : pourquoi, en quelques mots. Gardé dans l'historique, jamais publié.",
                       longueurMax: RegleTexte.longueurNote),
                .choix("sortie", "Sortie", aide: "Si la personne part vers un emploi, une formation ou une certification, notez-le : cela compte dans le bilan.",
                       Self.sorties.map { $0?.libelle ?? "rien à noter" })]
    }

    func demande(_ f: Formulaire) -> Result<Demande, RefusSaisie> {
        guard !suivants.isEmpty else { return .failure(RefusSaisie("« \(actuel.libelle) » est un statut final.")) }
        let statut = suivants[f.choix("statut")]
        let motif = f.texte("motif")
        if statut == .abandon && motif == nil { return .failure(RefusSaisie("dites pourquoi la personne arrête (le motif).", champ: "motif")) }
        if statut == .termine && critereNonAtteint != nil && motif == nil {
            return .failure(RefusSaisie("le critère d'achèvement n'est pas atteint : dites pourquoi vous notez « terminé » (le motif).", champ: "motif"))
        }
        return .success(.changerStatut(apprenant: identifiant, cohorte: cohorte, statut, motif: motif, sortie: Self.sorties[f.choix("sortie")]))
    }
}

/// A status recorded by mistake, corrected: another status and what was wrong (the history keeps both).
struct ModeleCorrectionStatut: ModeleFormulaire {
    var identifiant: String
    var nom: String
    var cohorte: String
    var actuel: StatutInscription

    var autres: [StatutInscription] { StatutInscription.allCases.filter { $0 != actuel } }
    var titre: String { "Corriger le statut \(Accord.de(nom))" }
    var introduction: String {
        "\(nom) est « \(actuel.libelle) » dans \(cohorte). Si c'est une erreur, choisissez le bon statut : l'ancien reste dans l'historique, avec le motif."
    }
    var bouton: String { "Corriger le statut" }

    func champs() -> [ChampFormulaire] {
        [.choix("statut", "Bon statut", aide: "← → pour choisir le statut qui aurait dû être noté.", autres.map(\.libelle)),
         .texte("motif", "Motif", aide: "Ce qui était faux, par exemple « abandon noté sur la mauvaise personne ».", longueurMax: RegleTexte.longueurNote)]
    }

    func demande(_ f: Formulaire) -> Result<Demande, RefusSaisie> {
        guard let motif = f.texte("motif") else { return .failure(RefusSaisie("dites ce qui était faux (le motif).", champ: "motif")) }
        return .success(.corrigerStatut(apprenant: identifiant, cohorte: cohorte, autres[f.choix("statut")], motif: motif))
    }
}

/// One sentence typed, then a request: the motif of a deletion or withdrawal, a note, a file path.
struct ModeleTexte: ModeleFormulaire {
    var titre: String
    var introduction: String
    var etiquette: String
    var aide: String
    var bouton: String
    var obligatoire: String
    var fabrique: @Sendable (String) -> Demande

    func champs() -> [ChampFormulaire] {
        [.texte("texte", etiquette, aide: aide, longueurMax: RegleTexte.longueurNote)]
    }

    func demande(_ f: Formulaire) -> Result<Demande, RefusSaisie> {
        guard let texte = f.texte("texte") else { return .failure(RefusSaisie(obligatoire, champ: "texte")) }
        return .success(fabrique(texte))
    }
}

/// What the learner puts in their CV numérique: the name shown, the sections, the contact.
struct ModeleCV: ModeleFormulaire {
    var identifiant: String
    var nom: String

    static let identites: [(IdentiteCV, String)] = [(.prenom, "prénom ou pseudo"), (.complete, "prénom et nom"), (.pseudonyme, "pseudonyme"), (.aucune, "aucun nom")]

    var titre: String { "CV \(Accord.de(nom))" }
    var introduction: String { "Montrez l'écran à la personne : c'est elle qui choisit ce qui figure sur son CV." }
    var bouton: String { "Écrire le CV" }

    func champs() -> [ChampFormulaire] {
        [.choix("identite", "Nom affiché", aide: "Le nom en haut du CV. L'âge, le sexe et la situation n'y figurent jamais.", Self.identites.map(\.1)),
         .coche("contact", "Contact", aide: "Montrer l'e-mail et le téléphone notés, pour qu'un employeur la recontacte."),
         .coche("competences", "Savoir-faire", aide: "Les savoir-faire numériques acquis ou en cours.", true),
         .coche("pix", "Pix", aide: "Les niveaux Pix et les certifications.", true),
         .coche("parcours", "Parcours suivis", aide: "Les parcours terminés, avec leurs heures.", true),
         .coche("badges", "Badges", aide: "Les badges délivrés, avec leur code de vérification.", true),
         .coche("choisi", "Choisi par elle", aide: "Cochez seulement si la personne a fait ces choix elle-même : le CV le dira."),
         .coche("attestation", "Attestation", aide: "Écrire aussi l'attestation d'une page : ses badges, chacun avec son code QR à scanner.")]
    }

    func demande(_ f: Formulaire) -> Result<Demande, RefusSaisie> {
        var sections: Set<SectionCV> = [.identite]
        if f.coche("competences") { sections.insert(.competences) }
        if f.coche("pix") { sections.insert(.pix) }
        if f.coche("parcours") { sections.insert(.parcours) }
        if f.coche("badges") { sections.insert(.badges) }
        var choix = ChoixCV(sections: sections, identite: Self.identites[f.choix("identite")].0, contact: f.coche("contact"))
        choix.choisiParLaPersonne = f.coche("choisi")
        return .success(.cv(identifiant, choix, attestation: f.coche("attestation")))
    }
}

extension ModeleTexte {
    /// The path of a Pix export to import (Pix Orga campaign or Pix Certif session).
    static func importPix(cohorte: String?) -> ModeleTexte {
        ModeleTexte(titre: "Importer des résultats Pix",
                    introduction: "Le fichier téléchargé dans Pix Orga (export d'une campagne) ou Pix Certif (résultats d'une session), en CSV."
                        + (cohorte.map { " Les personnes sont cherchées dans \($0)." } ?? ""),
                    etiquette: "Fichier", aide: "Son chemin, par exemple ~/Téléchargements/export-campagne.csv (rien n'est importé si le fichier a une erreur).",
                    bouton: "Importer", obligatoire: "écrivez le chemin du fichier à importer.",
                    fabrique: { .importerPix(chemin: $0, cohorte: cohorte) })
    }
}
