// Assessments and the occupation catalogue: API shapes shared by intake, gateway and staff-web.
export {};
