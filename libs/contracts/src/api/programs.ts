// Programs, offices, eligibility and enrollments: API shapes shared by intake, gateway and staff-web.
export {};
