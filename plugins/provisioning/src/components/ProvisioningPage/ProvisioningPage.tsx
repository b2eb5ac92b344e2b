import { Route, Routes } from 'react-router-dom';
import { RequestsOverview } from './RequestsOverview';
import { RequestPage } from '../RequestPage/RequestPage';

/** `/provisioning` and `/provisioning/requests/:id`. */
export const ProvisioningPage = () => (
  <Routes>
    <Route path="/" element={<RequestsOverview />} />
    <Route path="/requests/:id" element={<RequestPage />} />
  </Routes>
);
