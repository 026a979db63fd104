import Foundation
import LivretCore
import LivretExports
import LivretReferentiels
import LivretServices
import LivretStore

// livret-bench: a national-scale synthetic base, then the timings of the tracking queries.

/// Prints and flushes at once, so a log file follows the run line by line.
func print(_ texte: String = "") {
    Swift.print(texte)
    fflush(nil)
}

let options: Options
switch Options.lire(Array(CommandLine.arguments.dropFirst())) {
case .success(let o): options = o
case .failure(let erreur):
    if erreur.aide { print(erreur.texte); exit(0) }
    FileHandle.standardError.write(Data(("livret-bench : " + erreur.texte + "\n").utf8))
    exit(2)
}

func echouer(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("livret-bench : " + message + "\n").utf8))
    exit(1)
}

/// Prints the terminal UI timings on the base at `chemin`.
func mesurerInterface(_ chemin: String, catalogue: Catalogue) {
    print("\nInterface du formateur (80×24, sans terminal ; médiane, 95e centile et maximum en ms) :")
    do {
        let r = try BancInterface.mesurer(chemin: chemin, catalogue: catalogue, repetitions: options.repetitions)
        let l = [44, 10, 10, 10, 10, 8]
        print(ligne(["Mesure", "médiane", "p95", "max", "objectif", ""], l))
        print(ligne(["premier écran (\(Nombre.entier(r.cohortes)) cohortes)", Nombre.decimal(r.premierEcran.mediane, 2), Nombre.decimal(r.premierEcran.p95, 2), "",
                     "≤ 200", r.premierEcran.p95 <= 200 ? "atteint" : "MANQUÉ"], l))
        print(ligne(["  dont ouvrir la base", Nombre.decimal(r.ouvrirBase.mediane, 2), Nombre.decimal(r.ouvrirBase.p95, 2), "", "", ""], l))
        print(ligne(["  dont requête des cohortes", Nombre.decimal(r.requeteAccueil.mediane, 2), Nombre.decimal(r.requeteAccueil.p95, 2), "", "", ""], l))
        for (nom, m) in [("touche dans la liste des cohortes", r.toucheAccueil), ("touche dans une cohorte (max par cohorte)", r.toucheCohorte),
                         ("touche dans la grille APTIC (max par livret)", r.toucheApprenant)] {
            print(ligne([nom, Nombre.decimal(m.mediane, 3), Nombre.decimal(m.p95, 3), Nombre.decimal(m.max, 3), "≤ 16",
                         m.max <= 16 ? "atteint" : "MANQUÉ"], l))
        }
        print(ligne(["ouvrir une cohorte", Nombre.decimal(r.ouvrirCohorte.mediane, 2), Nombre.decimal(r.ouvrirCohorte.p95, 2), "", "", ""], l))
        print(ligne(["ouvrir le livret d'un apprenant", Nombre.decimal(r.ouvrirApprenant.mediane, 2), Nombre.decimal(r.ouvrirApprenant.p95, 2), "", "", ""], l))
        print(ligne(["mémoire maximale du processus (Mio)", Nombre.decimal(r.memoireMaxMio, 1), "", "", "≤ 150",
                     r.memoireMaxMio <= 150 ? "atteint" : "MANQUÉ"], l))
        print("\nChaque écran sur cette base (ouverture : la touche, la requête, le dessin et le différentiel) :")
        imprimerEcrans(try BancEcrans.mesurer(chemin: chemin, catalogue: catalogue, repetitions: options.repetitions))
    } catch {
        echouer("interface : \(error)")
    }
    // One cohort of 1 000 learners, in a base of its own (temporary).
    let grande = NSTemporaryDirectory() + "livret-bench-cohorte-\(ProcessInfo.processInfo.processIdentifier).sqlite"
    defer { for suffixe in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: grande + suffixe) } }
    do {
        let secondes = try Chrono.mesurer {
            try BaseGrandeCohorte.creer(chemin: grande, apprenants: tailleGrandeCohorte, graine: options.graine, catalogue: catalogue)
        }
        print("\nChaque écran sur une cohorte de \(Nombre.entier(tailleGrandeCohorte)) apprenants (base créée en \(Nombre.decimal(secondes, 1)) s ;"
              + " 50 preuves par personne, toutes les séances faites) :")
        imprimerEcrans(try BancEcrans.mesurer(chemin: grande, catalogue: catalogue, repetitions: options.repetitions))
    } catch {
        echouer("interface, grande cohorte : \(error)")
    }
}

/// The size of the one big cohort the screens are also timed on.
let tailleGrandeCohorte = 1_000

/// One line per screen for its opening (target 200 ms at p95), one for its keys (16 ms at most).
func imprimerEcrans(_ mesures: [BancEcrans.Mesure]) {
    let l = [44, 10, 10, 10, 10, 8]
    print(ligne(["Écran", "médiane", "p95", "max", "objectif", ""], l))
    for m in mesures {
        print(ligne(["ouvrir « \(m.ecran) »", Nombre.decimal(m.ouverture.mediane, 2), Nombre.decimal(m.ouverture.p95, 2), "", "≤ 200",
                     m.ouverture.p95 <= 200 ? "atteint" : "MANQUÉ"], l))
        print(ligne(["  une touche dans « \(m.ecran) »", Nombre.decimal(m.touche.mediane, 3), Nombre.decimal(m.touche.p95, 3),
                     Nombre.decimal(m.touche.max, 3), "≤ 16", m.touche.max <= 16 ? "atteint" : "MANQUÉ"], l))
    }
}

func ligne(_ colonnes: [String], _ largeurs: [Int]) -> String {
    zip(colonnes, largeurs).enumerated().map { i, paire in
        let (texte, largeur) = paire
        let blanc = String(repeating: " ", count: max(0, largeur - texte.count))
        return i == 0 ? texte + blanc : blanc + texte
    }.joined(separator: "  ")
}

if options.reseau {
    mesurerReseau()
    exit(0)
}

if let interface = options.interface {
    guard FileManager.default.fileExists(atPath: interface) else { echouer("« \(interface) » n'existe pas : créez d'abord la base avec --base.") }
    guard let catalogue = try? ReferentielsEmbarques.catalogue() else { echouer("référentiels illisibles.") }
    print("livret-bench — interface du formateur sur « \(interface) »")
    mesurerInterface(interface, catalogue: catalogue)
    exit(0)
}

let temporaire = options.base == nil
let chemin = options.base ?? (NSTemporaryDirectory() + "livret-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite")
if FileManager.default.fileExists(atPath: chemin) {
    echouer("« \(chemin) » existe déjà ; le banc d'essai crée une base neuve. Choisissez un autre --base.")
}
defer {
    if temporaire { for suffixe in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: chemin + suffixe) } }
}

print("livret-bench — base synthétique « \(chemin) »")
print("  \(Nombre.entier(options.apprenants)) apprenants, \(Nombre.entier(options.cohortes)) cohortes, "
      + "\(Nombre.entier(options.preuves)) preuves, \(Nombre.entier(options.presences)) présences visées, graine \(options.graine)")

let catalogue: Catalogue
let base: Base
let parcours: [Parcours]
let formateurId: Int64
do {
    catalogue = try ReferentielsEmbarques.catalogue()
    base = try Base(chemin: chemin)
    try base.initialiser(structure: "Réseau national (synthétique)", formateur: "Formatrice Banc", date: Jour(annee: 2024, mois: 8, jour: 26)!)
    formateurId = try base.formateur("Formatrice Banc").id!
    parcours = try ["femmes-et-numerique", "initiation-smartphone"].map { code in
        guard let modele = catalogue.modeleParcours(code) else { echouer("modèle « \(code) » absent du catalogue.") }
        return try base.parcours(depuis: modele)
    }
} catch {
    echouer("\(error)")
}

// MARK: chargement

struct Phase {
    var nom: String
    var lignes: Int
    var secondes: Double
}
/// Loads everything; returns the phases, the rows per table, what the queries need and the total time.
func charger(_ generateur: inout Generateur, base: Base) throws -> (phases: [Phase], lignes: [String: Int], donnees: Donnees, secondes: Double) {
    var phases: [Phase] = []
    var donnees = Donnees()
    var lignesParTable: [String: Int] = [:]
    let secondes = try Chrono.mesurer {
        lignesParTable = try base.chargerParLots { chargeur in
            func phase(_ nom: String, _ action: () throws -> Void) throws {
                let avant = chargeur.total
                let s = try Chrono.mesurer { try action(); try chargeur.valider() }
                phases.append(Phase(nom: nom, lignes: chargeur.total - avant, secondes: s))
            }
            var apprenants: [Int64] = []
            var cohortes: [(id: Int64, seances: [(Int64, Jour, Int)])] = []
            try phase("apprenants + consentements") { apprenants = try generateur.apprenants(chargeur, &donnees) }
            try phase("cohortes + séances") { cohortes = try generateur.cohortes(chargeur, &donnees) }
            var secondesPresences = 0.0
            let presencesAvant = chargeur.lignes["presence", default: 0]
            try phase("inscriptions + étapes + sorties + présences") {
                try generateur.inscriptionsEtPresences(chargeur, apprenants: apprenants, cohortes: cohortes, chronoPresences: &secondesPresences)
            }
            let nbPresences = chargeur.lignes["presence", default: 0] - presencesAvant
            phases.append(Phase(nom: "  dont présences", lignes: nbPresences, secondes: secondesPresences))
            try phase("preuves") { try generateur.preuves(chargeur, apprenants: apprenants) }
            try phase("profils Pix + certifications") { try generateur.pix(chargeur, apprenants: apprenants) }
            try phase("accompagnements + questionnaires + suivis") { try generateur.accompagnements(chargeur, apprenants: apprenants) }
        }
    }
    return (phases, lignesParTable, donnees, secondes)
}

var generateur = Generateur(options: options, parcoursIds: parcours.map { $0.id! }, formateurId: formateurId, catalogue: catalogue)
print("\nChargement (lots de 50 000 lignes par transaction)…")
let phases: [Phase]
let lignesParTable: [String: Int]
let donnees: Donnees
let dureeTotale: Double
do {
    (phases, lignesParTable, donnees, dureeTotale) = try charger(&generateur, base: base)
} catch {
    echouer("chargement interrompu : \(error)")
}


let largeurs = [46, 12, 9, 12]
print(ligne(["Phase", "lignes", "s", "lignes/s"], largeurs))
for p in phases {
    print(ligne([p.nom, Nombre.entier(p.lignes), Nombre.decimal(p.secondes, 2), Nombre.entier(Int(Double(p.lignes) / max(p.secondes, 1e-9)))], largeurs))
}
let totalLignes = lignesParTable.values.reduce(0, +)
print(ligne(["Total (avec ANALYZE final)", Nombre.entier(totalLignes), Nombre.decimal(dureeTotale, 2),
             Nombre.entier(Int(Double(totalLignes) / dureeTotale))], largeurs))
print("\nLignes par table :")
for (table, n) in lignesParTable.sorted(by: { $0.value > $1.value }) {
    print("  " + ligne([table, Nombre.entier(n)], [28, 12]))
}

// MARK: requêtes

var hasardRequetes = Hasard(graine: options.graine &+ 1)
print("\nRequêtes (\(options.repetitions) mesures après un échauffement ; médiane et 95e centile, en ms) :")
struct Mesure {
    var nom: String
    var objectif: Double
    var mediane: Double
    var p95: Double
}
var mesures: [Mesure] = []
/// The day the figures are computed at: the synthetic base's « today ».
let jourMesure = Jour(annee: 2024, mois: 8, jour: 26)!
do {
    var controle = 0
    let dossier = try Chrono.repeter(options.repetitions) { _ in
        let d = try base.dossier(hasardRequetes.element(donnees.identifiants), catalogue: catalogue, au: jourMesure)
        controle += d.preuves.count
    }
    mesures.append(Mesure(nom: "état complet d'un apprenant (dossier)", objectif: 5, mediane: dossier.mediane, p95: dossier.p95))
    let tableau = try Chrono.repeter(options.repetitions) { _ in
        controle += try base.tableauDeBord(cohorte: hasardRequetes.element(donnees.cohortes), catalogue: catalogue, au: jourMesure).count
    }
    mesures.append(Mesure(nom: "tableau de bord d'une cohorte", objectif: 50, mediane: tableau.mediane, p95: tableau.p95))
    var resultat: [CompletionCohorte] = []
    let completions = try Chrono.repeter(options.repetitions) { _ in resultat = try base.completions(au: jourMesure) }
    mesures.append(Mesure(nom: "complétions de toutes les cohortes", objectif: 500, mediane: completions.mediane, p95: completions.p95))
    var groupes = 0
    let rapport = try Chrono.repeter(options.repetitions) { _ in
        groupes = try base.groupesStatistiques(.structure, jour: jourMesure, niveauCertifie: 1).groupes.count
            + base.certificationsParParcours(.structure, niveauCertifie: 1).count
    }
    mesures.append(Mesure(nom: "rapport de toute la structure", objectif: 500, mediane: rapport.mediane, p95: rapport.p95))
    controle += groupes
    // Disclosure control: the structure's report in its four breakdowns, protected and audited (issue 15).
    let groupesStructure = try base.groupesStatistiques(.structure, jour: jourMesure, niveauCertifie: 1).groupes
    var masquees = 0
    let secret = try Chrono.repeter(options.repetitions) { _ in
        masquees = 0
        for croisement in Croisement.allCases {
            let (_, audit) = CalculRapport.calculerAvecAudit(groupes: groupesStructure, perimetre: .structure, croisement: croisement,
                                                             anneeReference: jourMesure.annee)
            masquees += audit?.masquees.count ?? 0
            if audit?.sure != true { print("  attention : rapport croisé par \(croisement.rawValue) non protégeable") }
        }
    }
    mesures.append(Mesure(nom: "rapport protégé et audité, 4 croisements", objectif: 1000, mediane: secret.mediane, p95: secret.p95))
    print("  (secret statistique : \(masquees) chiffres masqués dans les 4 croisements)")
    // Every report of the structure published together: structure, parcours, cohorts, in their breakdowns.
    // Then audited: every masked figure's range over the whole publication (what `--audit` prints).
    var publication: PublicationConjointe?
    var audit: AuditSecret?
    let conjointe = try Chrono.repeter(max(1, options.repetitions / 2)) { _ in
        publication = try ServiceRapport.publication(db: base, catalogue: catalogue, anneeReference: jourMesure.annee, jour: jourMesure)
        audit = publication?.audit()
    }
    mesures.append(Mesure(nom: "publication conjointe protégée et auditée", objectif: 1000, mediane: conjointe.mediane, p95: conjointe.p95))
    if let publication, let audit {
        let masques = publication.masques?.filter { $0 }.count ?? 0
        let sensibles = Dictionary(publication.tableauxPublies.cases.map { ($0.libelle, $0) }, uniquingKeysWith: { a, _ in a })
        let etroits = audit.masquees.filter { m in
            guard let c = sensibles[m.libelle], c.sensible, (1..<audit.seuil).contains(c.valeur), let maximum = m.maximum else { return false }
            return maximum - m.minimum < audit.seuil
        }.count
        print("  (publication conjointe : \(publication.perimetres.count) rapports, \(publication.tableauxPublies.cases.count) chiffres, "
              + "\(masques) masqués, \(publication.tableauxPublies.relations.count) relations ; audit : \(etroits) effectif(s) trop peu protégé(s)"
              + "\(publication.sure ? "" : ", NON PROTÉGEABLE"))")
    }
    // The bilan d'activité of a year (issue 18): cohorts and accompaniments, satisfaction and
    // follow-ups, protected with every report of the year.
    var bilan: BilanActivite?
    let activite = try Chrono.repeter(max(1, options.repetitions / 2)) { _ in
        bilan = try ServiceRapport.activite(db: base, catalogue: catalogue, perimetre: .structure, anneeReference: 2025,
                                            du: Jour(annee: 2025, mois: 1, jour: 1)!, au: Jour(annee: 2025, mois: 12, jour: 31)!).bilan
    }
    mesures.append(Mesure(nom: "bilan d'activité d'une année, protégé", objectif: 1000, mediane: activite.mediane, p95: activite.p95))
    if let bilan {
        print("  (bilan 2025 : \(bilan.beneficiaires.texte(seuil: bilan.seuil)) personnes, \(bilan.passages.texte(seuil: bilan.seuil)) passages, "
              + "\(bilan.joursOuverture) jours d'ouverture)")
    }
    let inscrits = resultat.reduce(0) { $0 + $1.inscrits }
    let termines = resultat.reduce(0) { $0 + $1.termines }
    let abandons = resultat.reduce(0) { $0 + $1.abandons }
    let assidus = resultat.reduce(0) { $0 + $1.critereAtteint }
    print("  (contrôle : \(resultat.count) cohortes, \(Nombre.entier(inscrits)) inscriptions, \(Nombre.entier(termines)) terminées, "
          + "\(Nombre.entier(abandons)) abandons, \(Nombre.entier(assidus)) au critère ; \(controle) éléments lus)")
} catch {
    echouer("requête en échec : \(error)")
}
let largeursMesures = [40, 10, 10, 10, 8]
print(ligne(["Requête", "médiane", "p95", "objectif", ""], largeursMesures))
for m in mesures {
    print(ligne([m.nom, Nombre.decimal(m.mediane, 2), Nombre.decimal(m.p95, 2), "≤ " + Nombre.entier(Int(m.objectif)),
                 m.mediane <= m.objectif ? "atteint" : "MANQUÉ"], largeursMesures))
}
let debit = Double(totalLignes) / dureeTotale
print(ligne(["chargement (lignes/s)", Nombre.entier(Int(debit)), "", "≥ 200 000", debit >= 200_000 ? "atteint" : "MANQUÉ"], largeursMesures))

// MARK: badges

print("\nBadges (5 000 badges émis et signés, puis vérifiés ; paquet de 5 badges d'une personne) :")
do {
    let b = try BancBadges.mesurer(catalogue: catalogue, nombre: 5_000, repetitions: options.repetitions)
    print(ligne(["émettre et signer (badges/s)", Nombre.entier(Int(b.emissionsParSeconde)), "", "≥ 2 000",
                 b.emissionsParSeconde >= 2_000 ? "atteint" : "MANQUÉ"], largeursMesures))
    print(ligne(["vérifier (badges/s)", Nombre.entier(Int(b.verificationsParSeconde)), "", "≥ 5 000",
                 b.verificationsParSeconde >= 5_000 ? "atteint" : "MANQUÉ"], largeursMesures))
    print(ligne(["paquet d'une personne (ms)", Nombre.decimal(b.paquet.mediane, 2), Nombre.decimal(b.paquet.p95, 2), "≤ 50",
                 b.paquet.mediane <= 50 ? "atteint" : "MANQUÉ"], largeursMesures))
    print(ligne(["vérifier ce paquet (ms)", Nombre.decimal(b.verificationPaquet.mediane, 2), Nombre.decimal(b.verificationPaquet.p95, 2), "≤ 50",
                 b.verificationPaquet.mediane <= 50 ? "atteint" : "MANQUÉ"], largeursMesures))
} catch {
    echouer("badges : \(error)")
}

// MARK: classeurs

print("\nClasseurs XLSX (libxlsxwriter ; « brut » : libxlsxwriter seul écrivant les mêmes cases, sans format ; meilleur de 3) :")
do {
    let apprenants = try base.apprenants()
    let r = try BancClasseurs.listeApprenants(apprenants, jour: jourMesure)
    let l = [44, 10, 10, 12, 10]
    print(ligne(["Classeur", "Livret (s)", "brut (s)", "Livret/brut", "Mio"], l))
    print(ligne(["liste des \(Nombre.entier(apprenants.count)) apprenants (\(Nombre.entier(r.cellules)) cases)", Nombre.decimal(r.livret, 2),
                 Nombre.decimal(r.brut, 2), "× " + Nombre.decimal(r.livret / max(r.brut, 0.000_001), 2),
                 Nombre.decimal(Double(r.octets) / 1_048_576, 1)], l))
    print("  (\(Nombre.entier(Int(Double(r.cellules) / max(r.livret, 0.000_001)))) cases/s par Livret, "
          + "\(Nombre.entier(Int(Double(r.cellules) / max(r.brut, 0.000_001)))) par libxlsxwriter seul)")
    // The funder's report crossed by age: computed and protected once, then its workbook written.
    let synthese = try ServiceRapport.synthese(db: base, catalogue: catalogue, perimetre: .structure, croisement: .age,
                                               anneeReference: jourMesure.annee, jour: jourMesure)
    var octetsRapport = 0
    let rapport = try Chrono.repeter(options.repetitions) { _ in
        octetsRapport = try EcritureClasseur.donnees(RapportClasseur.classeur(synthese, date: jourMesure)).count
    }
    print(ligne(["classeur du rapport croisé par âge (ms)", Nombre.decimal(rapport.mediane, 2), "", "p95 " + Nombre.decimal(rapport.p95, 2),
                 Nombre.decimal(Double(octetsRapport) / 1_048_576, 2)], l))
    print("  (le rapport lui-même, calculé et protégé : « rapport de toute la structure » ci-dessus)")
} catch {
    echouer("classeurs : \(error)")
}

// MARK: interface

mesurerInterface(chemin, catalogue: catalogue)

// MARK: espace de l'apprenant

mesurerEspace(base: base, catalogue: catalogue, jour: jourMesure)

// MARK: taille

do {
    try base.checkpoint()
    let octets = try base.tailleFichier()
    print("\nTaille du fichier : \(Nombre.decimal(Double(octets) / 1_048_576, 1)) Mio (\(Nombre.entier(Int(octets))) octets)")
} catch {
    echouer("taille du fichier : \(error)")
}
if temporaire { print("(base temporaire supprimée ; --base CHEMIN pour la garder)") }
