// The domains of the Mile2 CISSO blueprint stand-in: titles, weights and objectives, in the stand-in's own wording.
import type { Domain } from "./domain.js";

export const DOMAINS: Domain[] = [
  {
    title: "Risk Management",
    weight: 9,
    objectives: [
      "Identify assets, threats and vulnerabilities",
      "Perform qualitative and quantitative risk analysis",
      "Choose a response: mitigate, transfer, accept or avoid",
      "Report residual risk to management",
      "Maintain a risk register and review cycle",
    ],
  },
  {
    title: "Security Management",
    weight: 10,
    objectives: [
      "Establish a security program and its governance",
      "Write policies, standards, procedures and guidelines",
      "Define security roles and responsibilities",
      "Run security awareness and training",
      "Measure the program with metrics and reports",
    ],
  },
  {
    title: "Identification and Authentication",
    weight: 8,
    objectives: [
      "Compare authentication factors and their strength",
      "Manage passwords and other credentials",
      "Plan single sign-on and federated identity",
      "Weigh biometrics: accuracy and acceptance",
      "Secure the identity life cycle from joiner to leaver",
    ],
  },
  {
    title: "Access Control",
    weight: 10,
    objectives: [
      "Apply discretionary, mandatory and rule-driven models",
      "Administer and review access rights",
      "Monitor access and detect intrusions",
      "Recognize attacks on access control",
      "Govern privileged and remote access",
    ],
  },
  {
    title: "Security Models and Evaluation",
    weight: 7,
    objectives: [
      "Explain the Bell-LaPadula, Biba and Clark-Wilson models",
      "Use the Common Criteria and assurance levels",
      "Take part in certification and accreditation",
      "Relate trusted computing concepts to products",
    ],
  },
  {
    title: "Operations Security",
    weight: 9,
    objectives: [
      "Separate duties and rotate jobs",
      "Control changes and configurations",
      "Handle media and remove data remanence",
      "Review logs and operational monitoring",
      "Protect backups and operational records",
    ],
  },
  {
    title: "Cryptography",
    weight: 9,
    objectives: [
      "Compare symmetric and asymmetric algorithms",
      "Use hashing and digital signatures",
      "Manage a public key infrastructure",
      "Recognize attacks on cryptographic systems",
      "Set key management and rotation policy",
    ],
  },
  {
    title: "Network Security",
    weight: 12,
    objectives: [
      "Segment and secure network architectures",
      "Assess protocols, devices and their weaknesses",
      "Secure wireless networks, VPNs and remote access",
      "Protect telephony and unified communications",
      "Place firewalls, proxies and intrusion prevention",
    ],
  },
  {
    title: "Software Development and Database Security",
    weight: 8,
    objectives: [
      "Build security into the development life cycle",
      "Protect databases and their integrity",
      "Counter common application attacks",
      "Review code and test releases for security",
      "Manage risk in acquired and cloud software",
    ],
  },
  {
    title: "Malware and Software Attacks",
    weight: 5,
    objectives: [
      "Recognize viruses, worms, trojans and ransomware",
      "Deploy anti-malware controls",
      "Trace attack vectors and indicators of compromise",
    ],
  },
  {
    title: "Business Continuity",
    weight: 5,
    objectives: [
      "Carry out a business impact analysis",
      "Choose recovery strategies and sites",
      "Test and maintain continuity plans",
      "Coordinate crisis communication",
    ],
  },
  {
    title: "Incident Management, Law, and Ethics",
    weight: 5,
    objectives: [
      "Lead the phases of incident response",
      "Preserve evidence for investigations",
      "Apply laws, regulations and codes of ethics",
      "Report incidents to regulators and management",
      "Run lessons-learned reviews after an incident",
    ],
  },
  {
    title: "Physical Security",
    weight: 3,
    objectives: [
      "Select sites and design facilities",
      "Layer perimeter and internal controls",
      "Plan fire suppression and environmental controls",
      "Protect people during emergencies",
    ],
  },
];
