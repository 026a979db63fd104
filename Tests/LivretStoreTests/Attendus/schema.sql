-- Schéma d'une base neuve, toutes migrations passées (Tests/LivretStoreTests/SchemaTests.swift).
-- Réenregistrer : LIVRET_INSTANTANES=enregistrer swift test --skip-build --filter SchemaTests
-- Migrations, dans l'ordre :
--   v1-suivi
--   v2-badges
--   v3-corrections
--   v4-titulaires
--   v5-signatures-manifestes
--   v6-listes-statuts
--   v7-accompagnements
--   v8-contact-structure
--   v9-consentement-coop
--   v10-variante-aptic
--   v11-pix-clea
--   v12-orientation
--   v13-preuve-jour
--   v14-espace

-- index accompagnement_apprenant (sur accompagnement)
CREATE INDEX accompagnement_apprenant ON accompagnement(apprenantId, date) WHERE apprenantId IS NOT NULL;

-- index accompagnement_date (sur accompagnement)
CREATE INDEX accompagnement_date ON accompagnement(date, type);

-- index apprenant_categories (sur apprenant)
CREATE INDEX apprenant_categories ON apprenant(id, sexe, anneeNaissance, qpv, statutSocial);

-- index badge_actif (sur badge)
CREATE UNIQUE INDEX badge_actif ON badge(apprenantId, reussite) WHERE revoqueLe IS NULL;

-- index badge_apprenant (sur badge)
CREATE INDEX badge_apprenant ON badge(apprenantId);

-- index badge_indexStatut (sur badge)
CREATE UNIQUE INDEX badge_indexStatut ON badge(indexStatut) WHERE indexStatut IS NOT NULL;

-- index certificationPix_apprenant (sur certificationPix)
CREATE INDEX certificationPix_apprenant ON certificationPix(apprenantId);

-- index choixCV_apprenant (sur choixCV)
CREATE INDEX choixCV_apprenant ON choixCV(apprenantId);

-- index codeEspace_donne (sur codeEspace)
CREATE INDEX codeEspace_donne ON codeEspace(donneLe);

-- index consentement_apprenant (sur consentement)
CREATE INDEX consentement_apprenant ON consentement(apprenantId);

-- index demandeEffacement_apprenant (sur demandeEffacement)
CREATE INDEX demandeEffacement_apprenant ON demandeEffacement(apprenantId);

-- index etapeInscription_inscription (sur etapeInscription)
CREATE INDEX etapeInscription_inscription ON etapeInscription(inscriptionId, id, statut);

-- index inscription_apprenant (sur inscription)
CREATE INDEX inscription_apprenant ON inscription(apprenantId);

-- index positionnement_apprenant (sur positionnement)
CREATE INDEX positionnement_apprenant ON positionnement(apprenantId);

-- index presence_apprenant (sur presence)
CREATE INDEX presence_apprenant ON presence(apprenantId, cohorteId, statut, minutes);

-- index preuve_apprenant (sur preuve)
CREATE INDEX preuve_apprenant ON preuve(apprenantId, referentiel, code);

-- index preuve_jour (sur preuve)
CREATE INDEX preuve_jour ON preuve(apprenantId, date) WHERE referentiel = 'aptic';

-- index preuve_remplace (sur preuve)
CREATE INDEX preuve_remplace ON preuve(remplace) WHERE remplace IS NOT NULL;

-- index profilPix_apprenant (sur profilPix)
CREATE INDEX profilPix_apprenant ON profilPix(apprenantId, date);

-- index satisfaction_accompagnement (sur satisfaction)
CREATE INDEX satisfaction_accompagnement ON satisfaction(accompagnementId) WHERE accompagnementId IS NOT NULL;

-- index satisfaction_cohorte (sur satisfaction)
CREATE INDEX satisfaction_cohorte ON satisfaction(cohorteId) WHERE cohorteId IS NOT NULL;

-- index satisfaction_une_par_accompagnement (sur satisfaction)
CREATE UNIQUE INDEX satisfaction_une_par_accompagnement ON satisfaction(accompagnementId) WHERE accompagnementId IS NOT NULL;

-- index satisfaction_une_par_cohorte (sur satisfaction)
CREATE UNIQUE INDEX satisfaction_une_par_cohorte ON satisfaction(cohorteId, apprenantId) WHERE cohorteId IS NOT NULL;

-- index seance_cohorte (sur seance)
CREATE INDEX seance_cohorte ON seance(cohorteId, date);

-- index signatureManifeste_apprenant (sur signatureManifeste)
CREATE INDEX signatureManifeste_apprenant ON signatureManifeste(apprenantId);

-- index sqlite_autoindex_apprenant_1 (sur apprenant)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_badge_1 (sur badge)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_certificationPix_1 (sur certificationPix)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_certificationPix_2 (sur certificationPix)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_cleEmetteur_1 (sur cleEmetteur)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_cohorte_1 (sur cohorte)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_formateur_1 (sur formateur)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_grdb_migrations_1 (sur grdb_migrations)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_importAccompagnements_1 (sur importAccompagnements)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_importPix_1 (sur importPix)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_inscription_1 (sur inscription)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_parcours_1 (sur parcours)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_seance_1 (sur seance)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_signatureManifeste_1 (sur signatureManifeste)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_suiviInscription_1 (sur suiviInscription)
-- (créé par SQLite, sans SQL)

-- index sqlite_autoindex_titulaireBadges_1 (sur titulaireBadges)
-- (créé par SQLite, sans SQL)

-- index suiviApresAction_unique (sur suiviApresAction)
CREATE UNIQUE INDEX suiviApresAction_unique ON suiviApresAction(apprenantId, COALESCE(cohorteId, 0), delaiMois);

-- table accompagnement
CREATE TABLE accompagnement (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 600),
  type TEXT NOT NULL CHECK (type IN ('permanence', 'rendez_vous', 'atelier')),
  lieu TEXT NOT NULL CHECK (lieu IN ('structure', 'partenaire', 'domicile', 'distance')),
  lieuNom TEXT,
  intervenantId INTEGER NOT NULL REFERENCES formateur(id),
  apprenantId INTEGER REFERENCES apprenant(id),
  sexe TEXT CHECK (sexe IS NULL OR sexe IN ('feminin', 'masculin', 'autre', 'non_communique')),
  naissanceMin INTEGER, naissanceMax INTEGER,
  autonomie TEXT CHECK (autonomie IS NULL OR autonomie IN ('accompagnement_complet', 'en_partie_autonome', 'autonome')),
  materiel TEXT NOT NULL DEFAULT '',
  note TEXT,
  auteurId INTEGER NOT NULL REFERENCES formateur(id), orientation TEXT CHECK (orientation IS NULL OR orientation IN (
  'pas_orientee', 'administration', 'mediation_numerique', 'operateur_ou_organisme_en_charge', 'aide_sociale',
  'insertion_professionnelle', 'aide_aux_demarches_administratives', 'autre')),
  CHECK ((apprenantId IS NULL) <> (sexe IS NULL)),
  CHECK ((naissanceMin IS NULL) = (naissanceMax IS NULL)),
  CHECK (naissanceMin IS NULL OR (apprenantId IS NULL AND naissanceMin <= naissanceMax))
  );

-- table accompagnementTheme
CREATE TABLE accompagnementTheme (
  accompagnementId INTEGER NOT NULL REFERENCES accompagnement(id),
  referentiel TEXT NOT NULL CHECK (referentiel IN ('coop', 'aptic')),
  code TEXT NOT NULL,
  PRIMARY KEY (accompagnementId, referentiel, code)
  ) WITHOUT ROWID;

-- table apprenant
CREATE TABLE apprenant (
  id INTEGER PRIMARY KEY,
  identifiant TEXT NOT NULL UNIQUE,
  prenom TEXT, nom TEXT, pseudonyme TEXT,
  anneeNaissance INTEGER CHECK (anneeNaissance IS NULL OR anneeNaissance BETWEEN 1900 AND 2999),
  sexe TEXT NOT NULL CHECK (sexe IN ('feminin', 'masculin', 'autre', 'non_communique')),
  qpv TEXT NOT NULL CHECK (qpv IN ('oui', 'non', 'non_communique')),
  statutSocial TEXT NOT NULL CHECK (statutSocial IN ('scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique')),
  niveauDiplome TEXT, email TEXT, telephone TEXT,
  efface INTEGER NOT NULL DEFAULT 0,
  creeLe TEXT NOT NULL,
  creePar INTEGER NOT NULL REFERENCES formateur(id)
  );

-- table badge
CREATE TABLE badge (
  id TEXT PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  reussite TEXT NOT NULL,
  emisLe TEXT NOT NULL,
  kid TEXT NOT NULL REFERENCES cleEmetteur(kid),
  jwt TEXT NOT NULL,
  auteurId INTEGER NOT NULL REFERENCES formateur(id),
  revoqueLe TEXT,
  motifRevocation TEXT
  , indexStatut INTEGER);

-- table certificationPix
CREATE TABLE certificationPix (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  code TEXT UNIQUE,
  numero TEXT UNIQUE,
  statut TEXT NOT NULL DEFAULT 'validee' CHECK (statut IN ('validee', 'rejetee', 'annulee', 'en_erreur', 'demarree')),
  session TEXT,
  date TEXT NOT NULL,
  centre TEXT,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 1024),
  palier INTEGER NOT NULL,
  auteurId INTEGER NOT NULL REFERENCES formateur(id)
  , clea TEXT
  CHECK (clea IS NULL OR clea IN ('validee', 'rejetee', 'non_passee', 'annulee')), source TEXT);

-- table certificationPixCompetence
CREATE TABLE certificationPixCompetence (
  certificationId INTEGER NOT NULL REFERENCES certificationPix(id),
  competence TEXT NOT NULL,
  niveau INTEGER NOT NULL CHECK (niveau BETWEEN 0 AND 8),
  PRIMARY KEY (certificationId, competence)
  ) WITHOUT ROWID;

-- table choixCV
CREATE TABLE choixCV (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  date TEXT NOT NULL,
  choix TEXT NOT NULL CHECK (json_valid(choix))
  );

-- table cleEmetteur
CREATE TABLE cleEmetteur (
  kid TEXT PRIMARY KEY,
  jwk TEXT NOT NULL,
  creeeLe TEXT NOT NULL,
  retireeLe TEXT
  );

-- table codeEspace
CREATE TABLE codeEspace (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  sel BLOB NOT NULL CHECK (length(sel) = 16),
  empreinte BLOB NOT NULL CHECK (length(empreinte) = 32),
  donneLe INTEGER NOT NULL,
  utiliseLe INTEGER,
  auteurId INTEGER NOT NULL REFERENCES formateur(id)
  );

-- table cohorte
CREATE TABLE cohorte (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  parcoursId INTEGER NOT NULL REFERENCES parcours(id),
  titre TEXT NOT NULL,
  debut TEXT NOT NULL, fin TEXT,
  cloturee INTEGER NOT NULL DEFAULT 0,
  creePar INTEGER NOT NULL REFERENCES formateur(id)
  );

-- table consentement
CREATE TABLE consentement (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  date TEXT NOT NULL,
  suivi INTEGER NOT NULL, badges INTEGER NOT NULL, statistiques INTEGER NOT NULL,
  auteurId INTEGER NOT NULL REFERENCES formateur(id)
  , coop INTEGER NOT NULL DEFAULT 0 CHECK (coop IN (0, 1)), parLaPersonne INTEGER NOT NULL DEFAULT 0 CHECK (parLaPersonne IN (0, 1)));

-- table demandeEffacement
CREATE TABLE demandeEffacement (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  date TEXT NOT NULL,
  faiteLe TEXT
  );

-- table emetteur
CREATE TABLE emetteur (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  identifiant TEXT NOT NULL,
  nom TEXT NOT NULL,
  description TEXT
  );

-- table etapeInscription
CREATE TABLE etapeInscription (
  id INTEGER PRIMARY KEY,
  inscriptionId INTEGER NOT NULL REFERENCES inscription(id),
  statut TEXT NOT NULL CHECK (statut IN ('inscrit', 'en_cours', 'termine', 'abandon')),
  motif TEXT,
  date TEXT NOT NULL,
  auteurId INTEGER NOT NULL REFERENCES formateur(id)
  );

-- table formateur
CREATE TABLE formateur (
  id INTEGER PRIMARY KEY,
  nom TEXT NOT NULL UNIQUE COLLATE NOCASE
  );

-- table grdb_migrations
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);

-- table importAccompagnements
CREATE TABLE importAccompagnements (
  id INTEGER PRIMARY KEY,
  fichier TEXT NOT NULL,
  empreinte TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  auteurId INTEGER NOT NULL REFERENCES formateur(id),
  nombre INTEGER NOT NULL
  );

-- table importPix
CREATE TABLE importPix (
  id INTEGER PRIMARY KEY,
  fichier TEXT NOT NULL,
  empreinte TEXT NOT NULL UNIQUE,
  genre TEXT NOT NULL,
  date TEXT NOT NULL,
  auteurId INTEGER NOT NULL REFERENCES formateur(id),
  resume TEXT
  );

-- table inscription
CREATE TABLE inscription (
  id INTEGER PRIMARY KEY,
  cohorteId INTEGER NOT NULL REFERENCES cohorte(id),
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  UNIQUE (cohorteId, apprenantId)
  );

-- table journal
CREATE TABLE journal (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  auteurId INTEGER REFERENCES formateur(id),
  action TEXT NOT NULL,
  cible TEXT,
  detail TEXT
  );

-- table listeRevocation
CREATE TABLE listeRevocation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  jwt TEXT NOT NULL,
  miseAJour TEXT NOT NULL
  );

-- table listeStatuts
CREATE TABLE listeStatuts (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  jwt TEXT NOT NULL,
  miseAJour TEXT NOT NULL
  );

-- table parcours
CREATE TABLE parcours (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  titre TEXT NOT NULL,
  modele TEXT NOT NULL, modeleVersion TEXT NOT NULL,
  heuresPrevues REAL NOT NULL CHECK (heuresPrevues > 0),
  assiduiteMinimale REAL NOT NULL CHECK (assiduiteMinimale BETWEEN 0 AND 1),
  certificationRequise INTEGER NOT NULL DEFAULT 0
  );

-- table positionnement
CREATE TABLE positionnement (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  date TEXT NOT NULL,
  auteurId INTEGER NOT NULL REFERENCES formateur(id),
  eurostatInformation INTEGER CHECK (eurostatInformation BETWEEN 0 AND 2),
  eurostatCommunication INTEGER CHECK (eurostatCommunication BETWEEN 0 AND 2),
  eurostatResolution INTEGER CHECK (eurostatResolution BETWEEN 0 AND 2),
  eurostatLogiciels INTEGER CHECK (eurostatLogiciels BETWEEN 0 AND 2)
  );

-- table positionnementNiveau
CREATE TABLE positionnementNiveau (
  positionnementId INTEGER NOT NULL REFERENCES positionnement(id),
  referentiel TEXT NOT NULL CHECK (referentiel IN ('aptic', 'pix')),
  code TEXT NOT NULL,
  niveau INTEGER NOT NULL,
  PRIMARY KEY (positionnementId, referentiel, code)
  ) WITHOUT ROWID;

-- table presence
CREATE TABLE presence (
  seanceId INTEGER NOT NULL REFERENCES seance(id),
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  statut TEXT NOT NULL CHECK (statut IN ('present', 'excuse', 'absent')),
  minutes INTEGER NOT NULL CHECK (minutes >= 0),
  auteurId INTEGER NOT NULL REFERENCES formateur(id),
  -- The séance's cohort, repeated so per-inscription sums are index-only; the composite key keeps it true.
  cohorteId INTEGER NOT NULL,
  PRIMARY KEY (seanceId, apprenantId),
  FOREIGN KEY (seanceId, cohorteId) REFERENCES seance(id, cohorteId)
  ) WITHOUT ROWID;

-- table preuve
CREATE TABLE preuve (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  referentiel TEXT NOT NULL CHECK (referentiel IN ('aptic', 'pix')),
  code TEXT NOT NULL,
  niveau TEXT NOT NULL CHECK (niveau IN ('declaratif', 'suivi', 'autonomie', 'certifie')),
  date TEXT NOT NULL,
  auteurId INTEGER NOT NULL REFERENCES formateur(id),
  note TEXT,
  remplace INTEGER REFERENCES preuve(id)
  , retrait INTEGER NOT NULL DEFAULT 0 CHECK (retrait IN (0, 1)), accompagnementId INTEGER REFERENCES accompagnement(id));

-- table profilPix
CREATE TABLE profilPix (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  date TEXT NOT NULL,
  source TEXT NOT NULL,
  empreinte TEXT,
  campagne TEXT,
  partage INTEGER NOT NULL DEFAULT 1,
  progression REAL CHECK (progression IS NULL OR progression BETWEEN 0 AND 1),
  maitrise REAL CHECK (maitrise IS NULL OR maitrise BETWEEN 0 AND 1)
  , genre TEXT
  CHECK (genre IS NULL OR genre IN ('collecte_profils', 'evaluation', 'examen', 'grands_debutants')), badgeCleA INTEGER CHECK (badgeCleA IS NULL OR badgeCleA IN (0, 1)));

-- table profilPixCompetence
CREATE TABLE profilPixCompetence (
  profilId INTEGER NOT NULL REFERENCES profilPix(id),
  competence TEXT NOT NULL,
  niveau INTEGER NOT NULL CHECK (niveau BETWEEN 0 AND 8),
  pix INTEGER,
  PRIMARY KEY (profilId, competence)
  ) WITHOUT ROWID;

-- table satisfaction
CREATE TABLE satisfaction (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  questionnaire TEXT NOT NULL,
  apprenantId INTEGER REFERENCES apprenant(id),
  cohorteId INTEGER REFERENCES cohorte(id),
  accompagnementId INTEGER REFERENCES accompagnement(id),
  mode TEXT NOT NULL CHECK (mode IN ('avec_formateur', 'seul')),
  q1 INTEGER CHECK (q1 BETWEEN 1 AND 4),
  q2 INTEGER CHECK (q2 BETWEEN 1 AND 4),
  q3 INTEGER CHECK (q3 BETWEEN 1 AND 4),
  q4 INTEGER CHECK (q4 BETWEEN 1 AND 4),
  aide TEXT,
  citation TEXT NOT NULL DEFAULT 'non' CHECK (citation IN ('non', 'anonyme', 'prenom')),
  temoignage TEXT,
  retenu INTEGER NOT NULL DEFAULT 0 CHECK (retenu IN (0, 1)),
  auteurId INTEGER NOT NULL REFERENCES formateur(id),
  CHECK ((cohorteId IS NULL) <> (accompagnementId IS NULL)),
  CHECK (cohorteId IS NULL OR apprenantId IS NOT NULL),
  CHECK (citation <> 'non' OR (aide IS NULL AND temoignage IS NULL AND retenu = 0))
  );

-- table seance
CREATE TABLE seance (
  id INTEGER PRIMARY KEY,
  cohorteId INTEGER NOT NULL REFERENCES cohorte(id),
  date TEXT NOT NULL,
  minutesPrevues INTEGER NOT NULL CHECK (minutesPrevues > 0),
  theme TEXT,
  creePar INTEGER NOT NULL REFERENCES formateur(id),
  UNIQUE (id, cohorteId)
  );

-- table signatureManifeste
CREATE TABLE signatureManifeste (
  empreinte TEXT PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  kid TEXT NOT NULL,
  jws TEXT NOT NULL
  );

-- table sortie
CREATE TABLE sortie (
  id INTEGER PRIMARY KEY,
  inscriptionId INTEGER NOT NULL REFERENCES inscription(id),
  type TEXT NOT NULL CHECK (type IN ('certification', 'emploi', 'formation', 'autre')),
  date TEXT NOT NULL, note TEXT,
  auteurId INTEGER NOT NULL REFERENCES formateur(id)
  );

-- table structure
CREATE TABLE structure (
  id INTEGER PRIMARY KEY,
  nom TEXT NOT NULL,
  creeLe TEXT NOT NULL
  , adresse TEXT, telephone TEXT, courriel TEXT, site TEXT CHECK (site IS NULL OR site LIKE 'https://%'), variante_aptic TEXT CHECK (variante_aptic IS NULL OR length(variante_aptic) BETWEEN 1 AND 100));

-- table suiviApresAction
CREATE TABLE suiviApresAction (
  id INTEGER PRIMARY KEY,
  apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
  cohorteId INTEGER REFERENCES cohorte(id),
  date TEXT NOT NULL,
  delaiMois INTEGER NOT NULL CHECK (delaiMois BETWEEN 1 AND 36),
  situation TEXT NOT NULL CHECK (situation IN ('emploi', 'formation', 'autre', 'sans_solution', 'sans_nouvelles')),
  contrat TEXT CHECK (contrat IS NULL OR contrat IN ('cdi', 'cdd', 'interim', 'alternance', 'contrat_aide', 'independant', 'autre')),
  tempsPartiel INTEGER CHECK (tempsPartiel IN (0, 1)),
  enLienFormation INTEGER CHECK (enLienFormation IN (0, 1)),
  precision TEXT,
  motif TEXT,
  auteurId INTEGER NOT NULL REFERENCES formateur(id),
  CHECK (situation = 'emploi' OR (contrat IS NULL AND tempsPartiel IS NULL))
  );

-- table suiviInscription
CREATE TABLE suiviInscription (
  inscriptionId INTEGER PRIMARY KEY REFERENCES inscription(id),
  cohorteId INTEGER NOT NULL,
  apprenantId INTEGER NOT NULL,
  statut TEXT NOT NULL,
  avance INTEGER NOT NULL,
  minutesSuivies INTEGER NOT NULL,
  UNIQUE (cohorteId, apprenantId)
  );

-- table titulaireBadges
CREATE TABLE titulaireBadges (
  apprenantId INTEGER PRIMARY KEY REFERENCES apprenant(id),
  identifiant TEXT NOT NULL UNIQUE
  );

-- trigger preuve_sans_modification (sur preuve)
CREATE TRIGGER preuve_sans_modification BEFORE UPDATE ON preuve
  BEGIN SELECT RAISE(ABORT, 'les preuves ne se modifient pas : ajoutez une preuve qui remplace'); END;

-- trigger preuve_sans_suppression (sur preuve)
CREATE TRIGGER preuve_sans_suppression BEFORE DELETE ON preuve
  BEGIN SELECT RAISE(ABORT, 'les preuves ne se suppriment pas'); END;

-- trigger suivi_etape (sur etapeInscription)
CREATE TRIGGER suivi_etape AFTER INSERT ON etapeInscription
  BEGIN UPDATE suiviInscription SET statut = NEW.statut, avance = (avance OR NEW.statut <> 'inscrit')
  WHERE inscriptionId = NEW.inscriptionId; END;

-- trigger suivi_inscription (sur inscription)
CREATE TRIGGER suivi_inscription AFTER INSERT ON inscription
  BEGIN INSERT INTO suiviInscription VALUES (NEW.id, NEW.cohorteId, NEW.apprenantId, 'inscrit', 0, 0); END;

-- trigger suivi_presence_ajout (sur presence)
CREATE TRIGGER suivi_presence_ajout AFTER INSERT ON presence WHEN NEW.statut = 'present'
  BEGIN UPDATE suiviInscription SET minutesSuivies = minutesSuivies + NEW.minutes
  WHERE cohorteId = NEW.cohorteId AND apprenantId = NEW.apprenantId; END;

-- trigger suivi_presence_modif (sur presence)
CREATE TRIGGER suivi_presence_modif AFTER UPDATE ON presence
  BEGIN UPDATE suiviInscription
  SET minutesSuivies = minutesSuivies - (CASE WHEN OLD.statut = 'present' THEN OLD.minutes ELSE 0 END)
  + (CASE WHEN NEW.statut = 'present' THEN NEW.minutes ELSE 0 END)
  WHERE cohorteId = NEW.cohorteId AND apprenantId = NEW.apprenantId; END;

-- trigger suivi_presence_retrait (sur presence)
CREATE TRIGGER suivi_presence_retrait AFTER DELETE ON presence WHEN OLD.statut = 'present'
  BEGIN UPDATE suiviInscription SET minutesSuivies = minutesSuivies - OLD.minutes
  WHERE cohorteId = OLD.cohorteId AND apprenantId = OLD.apprenantId; END;
